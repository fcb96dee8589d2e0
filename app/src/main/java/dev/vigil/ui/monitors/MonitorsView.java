package dev.vigil.ui.monitors;

import dev.vigil.engine.MonitorRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TableView<MonitorRow> table = new TableView<>();

  public MonitorsView(MonitorsViewModel vm, ZoneId zone) {
    this(vm, null, zone);
  }

  /** With {@code form} (may be null), an "Add monitor…" button shows the form beside the board. */
  public MonitorsView(MonitorsViewModel vm, AddMonitorViewModel form, ZoneId zone) {
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
    table.getColumns().add(column("State", 150, MonitorRow::state));
    table.getColumns().add(column("Monitor", 160, MonitorRow::id));
    table.getColumns().add(column("Kind", 60, MonitorRow::kind));
    table.getColumns().add(column("Last check", 120, r -> time(r.lastCheck(), zone)));
    table.getColumns().add(column("Result", 260, r -> r.lastResult() == null ? "" : r.lastResult()));
    table.getColumns().add(column("Latency", 80, r -> r.latencyMs() == null ? "" : r.latencyMs() + " ms"));
    table.getColumns().add(column("Last hour", 200, r -> MonitorsViewModel.sparkline(r.lastHour())));
    table.getColumns().add(column("Uptime 24 h", 90, r -> MonitorsViewModel.percent(r.uptime24h())));
    table.getColumns().add(column("7 d", 80, r -> MonitorsViewModel.percent(r.uptime7d())));
    table.getColumns().add(column("Next check", 160, r -> time(r.nextCheck(), zone)));
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
        () -> selection.get() == null || selection.get().runbook() == null, selection));
    // a heartbeat is pinged and a source read, not checked by Vigil: nothing to check now or pause
    var notAMonitor = javafx.beans.binding.Bindings.createBooleanBinding(() -> selection.get() == null
        || "heartbeat".equals(selection.get().kind()) || "alertmanager".equals(selection.get().kind()), selection);
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
    return table.getSelectionModel().getSelectedItem();
  }

  private static Button button(String text, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  private static TableColumn<MonitorRow, String> column(String title, double width, Function<MonitorRow, String> value) {
    TableColumn<MonitorRow, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    c.setSortable(false);
    return c;
  }

  private static String time(Instant at, ZoneId zone) {
    if (at == null) return "";
    var local = at.atZone(zone);
    return local.toLocalDate().equals(LocalDate.now(zone)) ? CLOCK.format(local) : DAY.format(local);
  }
}
