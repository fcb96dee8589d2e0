package dev.vigil.ui.monitors;

import dev.vigil.engine.MonitorRow;
import dev.vigil.ui.monitors.BoardEntry.Column;
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
  private final TableView<BoardEntry> table = new TableView<>();

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
    // each column as wide as its title or the widest value it can hold, measured in the desktop's font, so that
    // "in maintenance until 04:00", "alertmanager" or "99.99 %" is never cut; the result in words takes the rest
    table.getColumns().add(column("State", Column.STATE, "in maintenance until 04:00"));
    table.getColumns().add(column("Monitor", Column.MONITOR, "payments-api-eu"));
    table.getColumns().add(column("Kind", Column.KIND, "alertmanager"));
    table.getColumns().add(column("Latency", Column.LATENCY, "10000 ms"));
    table.getColumns().add(column("Last hour", Column.LAST_HOUR, "█".repeat(BoardLine.BARS_AN_HOUR)));
    table.getColumns().add(column("Uptime 24 h", Column.UPTIME_24H, "99.99 %"));
    table.getColumns().add(column("7 d", Column.UPTIME_7D, "99.99 %"));
    table.getColumns().add(column("Last check", Column.LAST_CHECK, "24 Nov 02:14", "02:14:05"));
    table.getColumns().add(column("Next check", Column.NEXT_CHECK, "24 Nov 02:14", "02:14:05"));
    TableColumn<BoardEntry, String> result = column("Result", Column.RESULT, "timeout: timed out");
    result.setCellFactory(column -> new ResultCell());
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
    // the selected monitor as last read: a read after a reload may give it a runbook, or take it away
    javafx.beans.value.ObservableValue<BoardLine> selected = selection.flatMap(BoardEntry::lineProperty);
    open.disableProperty().bind(selection.isNull());
    runbook.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> selected.getValue() == null || selected.getValue().row().runbook() == null, selected));
    // a heartbeat is pinged and a source read, not checked by Vigil: nothing to check now or pause
    var notAMonitor = javafx.beans.binding.Bindings.createBooleanBinding(() -> selected.getValue() == null
        || "heartbeat".equals(selected.getValue().row().kind()) || "alertmanager".equals(selected.getValue().row().kind()), selected);
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
    BoardEntry entry = table.getSelectionModel().getSelectedItem();
    return entry == null ? null : entry.row();
  }

  private static Button button(String text, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  /** @param widest the values the column must show uncut (its title too, in bold) */
  private static TableColumn<BoardEntry, String> column(String title, Column column, String... widest) {
    TableColumn<BoardEntry, String> c = new TableColumn<>(title);
    dev.vigil.ui.ColumnWidth.fit(c, 0, widest);
    c.setCellValueFactory(cell -> cell.getValue().words(column));
    c.setSortable(false);
    return c;
  }

  /** The last result in words; when the window is too narrow for all of it, the whole of it shows on hover. */
  private static final class ResultCell extends javafx.scene.control.TableCell<BoardEntry, String> {
    private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();

    @Override
    protected void updateItem(String text, boolean empty) {
      super.updateItem(text, empty);
      setText(empty ? null : text);
      whole.setText(text);
      setTooltip(empty || text == null || text.isEmpty() ? null : whole);
    }
  }
}
