package dev.vigil.ui.settings;

import dev.vigil.ui.Icons;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** The settings window's content. */
public final class SettingsView extends VBox {
  public SettingsView(SettingsViewModel vm) {
    super(16);
    getStyleClass().add("settings");
    setPadding(new Insets(20));
    Label title = new Label("Settings");
    title.getStyleClass().add("title");

    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(10);
    TextField zone = field("settings-timezone", "Europe/Berlin", vm.timezone());
    TextField overnight = field("settings-overnight", "22:00-08:00", vm.overnight());
    TextField quiet = field("settings-quiet", "none, or 23:00-07:00", vm.quietHours());
    grid.addRow(0, new Label("Time zone"), zone);
    grid.addRow(1, new Label("Overnight window"), overnight);
    grid.addRow(2, new Label("Quiet hours"), quiet);
    Label rules = new Label(vm.rulesFolder());
    rules.setId("settings-rules");
    rules.setWrapText(true);
    grid.addRow(3, new Label("Rules folder"), rules);
    CheckBox autostart = new CheckBox("Start Vigil when I log in");
    autostart.setId("settings-autostart");
    autostart.selectedProperty().bindBidirectional(vm.autostart());
    grid.add(autostart, 1, 4);

    Button sound = new Button("Test sound", Icons.of(MaterialDesignV.VOLUME_HIGH));
    sound.setOnAction(e -> vm.testSound());
    Button save = new Button("Save", Icons.of(MaterialDesignC.CONTENT_SAVE));
    save.setId("settings-save");
    save.setDefaultButton(true);
    save.setOnAction(e -> vm.save());
    Label message = new Label();
    message.setId("settings-message");
    message.setWrapText(true);
    message.textProperty().bind(vm.message());
    Label note = new Label("Saving rewrites only these keys in policy.yaml; your comments stay.");
    note.getStyleClass().add("hint");
    note.setWrapText(true);
    getChildren().addAll(title, grid, new HBox(8, save, sound), message, note);
    vm.load();
  }

  private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    f.setPrefColumnCount(18);
    f.textProperty().bindBidirectional(value);
    return f;
  }
}
