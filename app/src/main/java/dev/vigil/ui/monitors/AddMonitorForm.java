package dev.vigil.ui.monitors;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The "Add monitor" form beside the board: the fields, Test and Add, and what the last of them found. */
public final class AddMonitorForm extends VBox {

  public AddMonitorForm(AddMonitorViewModel vm, Runnable close) {
    super(8);
    setId("add-monitor-form");
    setPadding(new Insets(8));
    setPrefWidth(460);
    setMinWidth(420);
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    TextField id = field("add-id", vm.id(), "payments-api");
    ChoiceBox<String> kind = new ChoiceBox<>();
    kind.setId("add-kind");
    kind.getItems().setAll(AddMonitorViewModel.KINDS);
    kind.valueProperty().bindBidirectional(vm.kind());
    TextField target = field("add-target", vm.target(), AddMonitorViewModel.example(vm.kind().get()));
    vm.kind().addListener((o, was, now) -> target.setPromptText(AddMonitorViewModel.example(now)));
    TextField interval = field("add-interval", vm.interval(), "30s");
    ChoiceBox<String> severity = new ChoiceBox<>();
    severity.setId("add-severity");
    severity.getItems().setAll(AddMonitorViewModel.SEVERITIES);
    severity.valueProperty().bindBidirectional(vm.severity());
    TextArea expect = new TextArea();
    expect.setId("add-expect");
    expect.setPromptText("status == 200\nlatency < 800ms");
    expect.setPrefRowCount(4);
    expect.textProperty().bindBidirectional(vm.expect());
    TextField file = field("add-file", vm.file(), "monitors.yaml");
    int row = 0;
    for (Object[] r : new Object[][] {{"Id", id}, {"Kind", kind}, {"Target", target}, {"Interval", interval},
        {"Severity", severity}, {"Expect (one a line)", expect}, {"Rules file", file}}) {
      Label label = new Label((String) r[0]);
      label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      grid.addRow(row++, label, (javafx.scene.Node) r[1]);
    }
    Button test = new Button("Test");
    test.setId("add-test");
    test.setOnAction(e -> vm.test());
    Button add = new Button("Add");
    add.setId("add-add");
    add.setOnAction(e -> vm.add());
    Button hide = new Button("Close");
    hide.setId("add-close");
    hide.setOnAction(e -> close.run());
    test.disableProperty().bind(vm.busy());
    add.disableProperty().bind(vm.busy());
    Label status = new Label();
    status.setId("add-status");
    status.setWrapText(true);
    status.textProperty().bind(vm.status());
    ListView<String> lines = new ListView<>(vm.lines());
    lines.setId("add-lines");
    lines.setPrefHeight(160);
    getChildren().addAll(new Label("Add a monitor"), grid, new HBox(8, test, add, hide), status, lines);
  }

  private static TextField field(String id, javafx.beans.property.StringProperty value, String prompt) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    f.textProperty().bindBidirectional(value);
    return f;
  }
}
