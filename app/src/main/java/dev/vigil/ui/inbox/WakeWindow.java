package dev.vigil.ui.inbox;

import dev.vigil.alert.Alert;
import dev.vigil.ui.Icons;
import dev.vigil.ui.Theme;
import dev.vigil.ui.Times;
import java.time.Instant;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The wake-up prompt of the wake ladder: always on top, in front, with the keyboard focus on Acknowledge, so a
 * half-awake person can press Enter. The only window Vigil opens by itself.
 */
public final class WakeWindow {
  private final Stage stage = new Stage();

  /** The prompt of {@code alert}; with a {@code runbook} label it offers "Open runbook" ({@code openUrl}). */
  public WakeWindow(Alert alert, Instant now, ZoneId zone, InboxViewModel vm, Runnable openInbox,
      java.util.function.Consumer<String> openUrl) {
    Label title = new Label(alert.monitor() + " needs you");
    title.getStyleClass().addAll("title", "wake-title");
    title.setId("wake-title");
    Label what = new Label(alert.summary());
    what.setWrapText(true);
    Label since = new Label(alert.severity().label() + ", " + Times.since(alert.firstSeen(), now, zone) + ", " + alert.count() + " failures");
    Button ack = new Button("Acknowledge", Icons.of(MaterialDesignC.CHECK));
    ack.setId("wake-acknowledge");
    ack.setDefaultButton(true);
    ack.setOnAction(e -> {
      vm.acknowledge(alert, null);
      stage.close();
    });
    Button snooze = new Button("Snooze 15 min", Icons.of(MaterialDesignS.SLEEP));
    snooze.setOnAction(e -> {
      vm.snooze(alert, SnoozeChoice.FIFTEEN_MINUTES);
      stage.close();
    });
    Button inbox = new Button("Open inbox", Icons.of(MaterialDesignI.INBOX));
    inbox.setOnAction(e -> openInbox.run());
    HBox buttons = new HBox(10, ack, snooze, inbox);
    String runbookUrl = alert.labels().get("runbook");
    if (runbookUrl != null) {
      Button runbook = new Button("Open runbook", Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignO.OPEN_IN_NEW));
      runbook.setId("wake-runbook");
      runbook.setOnAction(e -> openUrl.accept(runbookUrl));
      buttons.getChildren().add(runbook);
    }
    buttons.getChildren().forEach(b -> ((Button) b).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
    VBox root = new VBox(14, title, what, since, buttons);
    root.setPadding(new Insets(24));
    root.getStyleClass().add("wake");
    stage.setScene(Theme.style(new Scene(root)));
    stage.setTitle("Vigil: wake up");
    stage.setAlwaysOnTop(true);
  }

  /** Shows the prompt in front and takes the keyboard focus. */
  public void show() {
    stage.show();
    stage.toFront();
    stage.requestFocus();
  }

  public void close() {
    stage.close();
  }

  public boolean isShowing() {
    return stage.isShowing();
  }
}
