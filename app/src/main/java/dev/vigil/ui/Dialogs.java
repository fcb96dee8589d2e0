package dev.vigil.ui;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** Everything the user is asked or told in a dialog, in one place. */
public final class Dialogs {
  private Dialogs() {}

  /** Asks for an optional note; empty when the user cancels. */
  public static Optional<String> note(Window owner, String title, String header) {
    TextInputDialog d = new TextInputDialog();
    d.initOwner(owner);
    d.setTitle(title);
    d.setHeaderText(header);
    d.setContentText("Note (optional):");
    d.getEditor().setId("note");
    return d.showAndWait();
  }

  public static <T> Optional<T> choose(Window owner, String title, String header, List<T> choices, T initial) {
    ChoiceDialog<T> d = new ChoiceDialog<>(initial, choices);
    d.initOwner(owner);
    d.setTitle(title);
    d.setHeaderText(header);
    return d.showAndWait();
  }

  public static boolean confirm(Window owner, String title, String header) {
    Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
    a.initOwner(owner);
    a.setTitle(title);
    a.setHeaderText(header);
    return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
  }

  public static void tell(Window owner, String title, String text) {
    Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
    a.initOwner(owner);
    a.setTitle(title);
    a.setHeaderText(null);
    a.show();
  }
}
