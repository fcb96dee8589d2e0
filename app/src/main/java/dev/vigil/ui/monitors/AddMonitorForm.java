package dev.vigil.ui.monitors;

import static dev.vigil.ui.monitors.FormLayout.row;
import static dev.vigil.ui.monitors.FormLayout.text;
import static dev.vigil.ui.monitors.FormLayout.withProblem;

import javafx.collections.ObservableMap;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The "Add monitor" form beside the board: the fields (a kind's own in {@link KindOptions}), each with its problem
 * under it, Test and Add, and what the last of them found.
 */
public final class AddMonitorForm extends VBox {

  public AddMonitorForm(AddMonitorViewModel vm, Runnable close) {
    super(8);
    setId("add-monitor-form");
    setPadding(new Insets(8));
    setPrefWidth(540);
    setMinWidth(460);
    ObservableMap<String, String> problems = vm.fieldProblems();
    ChoiceBox<String> kind = FormLayout.choice("add-kind", AddMonitorViewModel.KINDS, vm.kind());
    ChoiceBox<String> severity = FormLayout.choice("add-severity", AddMonitorViewModel.SEVERITIES, vm.severity());
    TextField target = text("add-target", vm.target(), "");
    TextArea expect = new TextArea();
    expect.setId("add-expect");
    expect.setPrefRowCount(3);
    expect.setMinHeight(Region.USE_PREF_SIZE);
    expect.textProperty().bindBidirectional(vm.expect());
    Label expectHint = new Label();
    expectHint.setId("add-expect-hint");
    expectHint.getStyleClass().add("hint");
    FormLayout.wraps(expectHint);
    hint(vm.kind().get(), target, expect, expectHint);
    vm.kind().addListener((o, was, now) -> hint(now, target, expect, expectHint));

    GridPane what = FormLayout.grid();
    row(what, "Id", withProblem(text("add-id", vm.id(), "payments-api"), "id", problems));
    row(what, "Kind", kind, "Severity", withProblem(severity, "severity", problems));
    row(what, "Target", withProblem(target, "target", problems));
    GridPane how = FormLayout.grid();
    row(how, "Interval", withProblem(text("add-interval", vm.interval(), "30s"), "interval", problems),
        "Timeout", withProblem(text("add-timeout", vm.timeout(), "10s"), "timeout", problems));
    TextField confirm = text("add-confirm", vm.confirm(), "2");
    confirm.setTooltip(new Tooltip("Failing checks in a row before it fires"));
    TextField recover = text("add-recover", vm.recover(), "2");
    recover.setTooltip(new Tooltip("Passing checks in a row before it resolves"));
    row(how, "Confirm", withProblem(confirm, "confirm", problems), "Recover", withProblem(recover, "recover", problems));
    row(how, "Expect", new VBox(2, withProblem(expect, "expect", problems), expectHint));
    row(how, "Labels", withProblem(text("add-labels", vm.labels(), "team=payments, tier=1"), "labels", problems));
    row(how, "Runbook", withProblem(text("add-runbook", vm.runbook(), "https://wiki.example/runbooks/payments"), "runbook", problems));
    row(how, "Rules file", withProblem(text("add-file", vm.file(), "monitors.yaml"), "file", problems));

    Button test = button("Test", "add-test", vm::test);
    Button add = button("Add", "add-add", vm::add);
    Button hide = button("Close", "add-close", close);
    test.disableProperty().bind(vm.busy());
    add.disableProperty().bind(vm.busy());
    Label status = new Label();
    status.setId("add-status");
    status.setWrapText(true);
    status.textProperty().bind(vm.status());
    ListView<String> lines = new ListView<>(vm.lines());
    lines.setId("add-lines");
    lines.setCellFactory(list -> new ListCell<>() {
      {
        setWrapText(true);
        prefWidthProperty().bind(list.widthProperty().subtract(24));
        setMaxWidth(Region.USE_PREF_SIZE);
      }

      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
      }
    });
    lines.setPrefHeight(140);
    lines.setMinHeight(60);
    VBox.setVgrow(lines, Priority.ALWAYS);
    Label title = new Label("Add a monitor");
    title.getStyleClass().add("title");
    getChildren().addAll(title, what, new KindOptions(vm), how, new HBox(8, test, add, hide), status, lines);
  }

  /** What a target and the conditions of this kind look like (a prompt holds one line only). */
  private static void hint(String kind, TextField target, TextArea expect, Label expectHint) {
    target.setPromptText(MonitorDraft.example(kind));
    java.util.List<String> examples = MonitorDraft.expectExamples(kind);
    expect.setPromptText(examples.get(0));
    expectHint.setText("One a line, all must hold; e.g. " + String.join("  or  ", examples));
  }

  private static Button button(String text, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }
}
