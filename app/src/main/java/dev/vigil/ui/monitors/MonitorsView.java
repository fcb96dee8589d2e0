package dev.vigil.ui.monitors;

import dev.vigil.engine.MonitorRow;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The monitors board's window: filter, a table worst first, and what to do with the selected monitor. */
public final class MonitorsView extends BorderPane {
  /** The stylesheet's font size (vigil.css: .root), which the columns' widths are counted in. */
  private static final double EM = 15;

  private final TableView<BoardLine> table = new TableView<>();

  public MonitorsView(MonitorsViewModel vm) {
    this(vm, null);
  }

  /** With {@code form} (may be null), an "Add monitor…" button shows the form beside the board. */
  public MonitorsView(MonitorsViewModel vm, AddMonitorViewModel form) {
    TextField filter = new TextField();
    filter.setId("monitors-filter");
    filter.setPromptText("Filter by id, kind, state or result");
    filter.textProperty().bindBidirectional(vm.filter());
    HBox.setHgrow(filter, Priority.ALWAYS);
    Label summary = new Label();
    summary.setId("monitors-summary");
    summary.textProperty().bind(vm.summary());
    HBox top = new HBox(10, filter, summary);
    top.setPadding(new Insets(8));

    table.setId("monitors-table");
    table.setItems(vm.rows());
    // widths in the stylesheet's em, wide enough that "in maintenance", "5003 ms" or "99.99 %" is never cut; the result
    // in words takes the rest of the window
    table.getColumns().add(column("State", 9.5, BoardLine::state));
    table.getColumns().add(column("Monitor", 11, BoardLine::id));
    table.getColumns().add(column("Kind", 6, line -> line.row().kind()));
    table.getColumns().add(column("Latency", 5.5, BoardLine::latency));
    table.getColumns().add(column("Last hour", 12.5, BoardLine::lastHour));
    table.getColumns().add(column("Uptime 24 h", 6.5, BoardLine::uptime24h));
    table.getColumns().add(column("7 d", 6, BoardLine::uptime7d));
    table.getColumns().add(column("Last check", 7, BoardLine::lastCheck));
    table.getColumns().add(column("Next check", 7, BoardLine::nextCheck));
    TableColumn<BoardLine, String> result = column("Result", 18, BoardLine::result);
    table.getColumns().add(result);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No monitors: add one with \"Add monitor…\" or to a rules file (vigil monitor add)"));

    Button check = button("Check now", "monitors-check", () -> vm.checkNow(selected()));
    Button pause = button("Pause until…", "monitors-pause", () -> {
      MonitorRow row = selected();
      if (row == null) return;
      dev.vigil.ui.Dialogs.choose(getScene().getWindow(), "Pause " + row.id(), "No checks of " + row.id() + " for:",
          MonitorsViewModel.PAUSE_CHOICES, "1 h").ifPresent(choice -> vm.pause(row, choice));
    });
    Button resume = button("Resume", "monitors-resume", () -> vm.resume(selected()));
    Button open = button("Open rule", "monitors-open-rule", () -> vm.openRule(selected()));
    Button runbook = button("Open runbook", "monitors-open-runbook", () -> vm.openRunbook(selected()));
    var selection = table.getSelectionModel().selectedItemProperty();
    open.disableProperty().bind(selection.isNull());
    runbook.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> selection.get() == null || selection.get().row().runbook() == null, selection));
    // a heartbeat is pinged and a source read, not checked by Vigil: nothing to check now or pause
    var notAMonitor = javafx.beans.binding.Bindings.createBooleanBinding(() -> selection.get() == null
        || "heartbeat".equals(selection.get().row().kind()) || "alertmanager".equals(selection.get().row().kind()), selection);
    for (Button b : new Button[] {check, pause, resume}) b.disableProperty().bind(notAMonitor);
    HBox bottom = new HBox(8, check, pause, resume, open, runbook);
    if (form != null) {
      // scrolls when the window is lower than the form
      javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(new AddMonitorForm(form, () -> setRight(null)));
      pane.setFitToWidth(true);
      pane.setFitToHeight(true);
      pane.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
      bottom.getChildren().add(button("Add monitor…", "monitors-add", () -> setRight(getRight() == null ? pane : null)));
    }
    bottom.setPadding(new Insets(8));

    setTop(top);
    setCenter(table);
    setBottom(bottom);
  }

  private MonitorRow selected() {
    BoardLine line = table.getSelectionModel().getSelectedItem();
    return line == null ? null : line.row();
  }

  private static Button button(String text, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  /** @param ems the column's width in the stylesheet's font size */
  private static TableColumn<BoardLine, String> column(String title, double ems, Function<BoardLine, String> value) {
    TableColumn<BoardLine, String> c = new TableColumn<>(title);
    c.setPrefWidth(ems * EM);
    c.setMinWidth(ems * EM);
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    c.setSortable(false);
    return c;
  }
}
