package dev.vigil.ui.history;

import dev.vigil.config.Durations;
import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.ui.Icons;
import dev.vigil.ui.Times;
import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The history window's content: filters, the incident table, and the selected incident's details. */
public final class HistoryView extends BorderPane {
  /** How close to either end of the window a visible row must be to ask for the page beyond it. */
  static final int PREFETCH_ROWS = 40;
  /** Every row is this tall (what 15 px type and the cell padding measured), so the table never measures a row. */
  static final double ROW_HEIGHT = 42;

  private final HistoryViewModel vm;
  private final ZoneId zone;
  private final Supplier<Instant> now;
  private final TableView<Alert> table = new TableView<>() {
    @Override protected void layoutChildren() {
      super.layoutChildren(); // the skin takes in the new rows; the flow lays out its cells after this
      keepTopRowInPlace();
    }
  };
  /** The row at the top of the viewport and its offset, taken when rows above it were dropped or read back. */
  private Alert anchor;
  private double anchorY;
  /** True while the view itself moves the selection to follow the window, so the incident stays chosen. */
  private boolean syncing;

  public HistoryView(HistoryViewModel vm, ZoneId zone, Supplier<Instant> now) {
    this.vm = vm;
    this.zone = zone;
    this.now = now;
    getStyleClass().add("history");
    setTop(filters());
    SplitPane split = new SplitPane(table(), new HistoryDetails(vm, zone));
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.6);
    setCenter(split);
    setBottom(footer());
  }

  private Node filters() {
    TextField monitor = new TextField();
    monitor.setId("history-monitor");
    monitor.setPromptText("Monitor");
    monitor.textProperty().bindBidirectional(vm.monitor());
    ComboBox<Severity> severity = nullable("Any severity", Severity.values());
    severity.valueProperty().bindBidirectional(vm.severity());
    ComboBox<AlertState> state = nullable("Any state", AlertState.values());
    state.valueProperty().bindBidirectional(vm.state());
    ComboBox<TimeRange> range = new ComboBox<>();
    range.getItems().setAll(TimeRange.values());
    range.valueProperty().bindBidirectional(vm.range());
    TextField text = new TextField();
    text.setId("history-text");
    text.setPromptText("Search monitor or failure");
    text.textProperty().bindBidirectional(vm.text());
    HBox.setHgrow(text, Priority.ALWAYS);
    Button search = new Button("Search", Icons.of(MaterialDesignM.MAGNIFY));
    search.setId("history-search");
    search.setDefaultButton(true);
    search.setOnAction(e -> vm.search());
    monitor.setOnAction(e -> vm.search());
    text.setOnAction(e -> vm.search());
    severity.setOnAction(e -> vm.search());
    state.setOnAction(e -> vm.search());
    range.setOnAction(e -> vm.search());
    FlowPane bar = new FlowPane(8, 8, monitor, severity, state, range, text, search);
    bar.getStyleClass().add("bar");
    return bar;
  }

  @SafeVarargs
  private static <T> ComboBox<T> nullable(String anyText, T... values) {
    ComboBox<T> box = new ComboBox<>();
    box.getItems().add(null);
    box.getItems().addAll(values);
    box.setPromptText(anyText);
    box.setButtonCell(new ListCell<>() {
      @Override protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(item == null ? anyText : label(item));
      }
    });
    box.setCellFactory(l -> new ListCell<>() {
      @Override protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item == null ? anyText : label(item));
      }
    });
    return box;
  }

  private static String label(Object o) {
    return o instanceof Severity s ? s.label() : o instanceof AlertState s ? s.label() : String.valueOf(o);
  }

  private Node table() {
    table.setId("history-table");
    table.setItems(vm.rows());
    table.setPlaceholder(new Label("No incidents match."));
    table.getColumns().setAll(java.util.List.of(
        column("When", a -> Times.clock(a.firstSeen(), now.get(), zone), 120),
        column("Monitor", Alert::monitor, 150),
        column("Severity", a -> a.severity().label(), 95),
        column("State", a -> a.state().label(), 125),
        column("Lasted", a -> a.resolvedAt() == null ? "open" : Durations.words(java.time.Duration.between(a.firstSeen(), a.resolvedAt())), 85),
        column("Last failure", Alert::summary, 200)));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setFixedCellSize(ROW_HEIGHT);
    table.setRowFactory(tv -> new TableRow<>() {
      @Override protected void updateItem(Alert item, boolean empty) {
        super.updateItem(item, empty);
        if (empty) return;
        if (getIndex() >= tv.getItems().size() - PREFETCH_ROWS) vm.loadMore();
        else if (getIndex() < PREFETCH_ROWS) vm.loadAbove();
      }
    });
    table.getSelectionModel().selectedItemProperty().addListener((o, was, a) -> {
      if (!syncing && !vm.movingWindow()) vm.selected().set(a); // not the selection model following dropped rows
    });
    table.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE && getScene() != null) getScene().getWindow().hide();
    });
    vm.visibleRows(new HistoryViewModel.VisibleRows() {
      @Override public int first() { return visible(true); }
      @Override public int last() { return visible(false); }
    });
    vm.rows().addListener((ListChangeListener<Alert>) this::windowMoved);
    selectFirstIfNone();
    return table;
  }

  /**
   * Rows dropped or read back above the viewport shift every index: remember the row at the top so the next layout
   * puts it back in place, and keep the selected incident selected (unselected in the table while it is outside the
   * window, not forgotten).
   */
  private void windowMoved(ListChangeListener.Change<? extends Alert> c) {
    boolean above = false;
    while (c.next()) {
      above |= c.getFrom() == 0 && !c.wasReplaced() && (c.wasRemoved() || c.getList().size() > c.getAddedSize());
    }
    VirtualFlow<?> flow = flow();
    IndexedCell<?> top = flow == null ? null : flow.getFirstVisibleCell();
    if (above && anchor == null && top != null && top.getItem() instanceof Alert a) {
      anchor = a; // the cells still hold the rows they showed: the list changed, the flow has not laid out yet
      anchorY = top.getLayoutY();
      table.requestLayout();
    }
    syncing = true;
    try {
      Alert chosen = vm.selected().get();
      int at = chosen == null ? -1 : indexOf(chosen.id());
      if (at >= 0 && table.getSelectionModel().getSelectedIndex() != at) table.getSelectionModel().clearAndSelect(at);
      else if (at < 0 && !table.getSelectionModel().isEmpty()) table.getSelectionModel().clearSelection();
    } finally {
      syncing = false;
    }
    selectFirstIfNone();
  }

  /** Scrolls so the anchored row is where it was, to the pixel, before the flow lays out and anything is drawn. */
  private void keepTopRowInPlace() {
    if (anchor == null) return;
    int at = indexOf(anchor.id());
    anchor = null;
    VirtualFlow<?> flow = flow();
    if (at < 0 || flow == null) return;
    flow.scrollToTop(at);
    flow.layout();
    if (anchorY < 0) flow.scrollPixels(-anchorY);
  }

  private int indexOf(long id) {
    for (int i = 0; i < vm.rows().size(); i++) if (vm.rows().get(i).id() == id) return i;
    return -1;
  }

  private VirtualFlow<?> flow() {
    return table.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
  }

  /** The first or last row index the table shows; -1 before it is laid out. */
  private int visible(boolean first) {
    VirtualFlow<?> flow = flow();
    IndexedCell<?> cell = flow == null ? null : first ? flow.getFirstVisibleCell() : flow.getLastVisibleCell();
    return cell == null ? -1 : cell.getIndex();
  }

  private void selectFirstIfNone() {
    if (vm.selected().get() == null && table.getSelectionModel().isEmpty() && !vm.rows().isEmpty()) {
      table.getSelectionModel().selectFirst();
      vm.selected().set(table.getSelectionModel().getSelectedItem()); // said outright: this may run while a page goes in
    }
  }

  private static TableColumn<Alert, String> column(String name, Function<Alert, String> value, double width) {
    TableColumn<Alert, String> c = new TableColumn<>(name);
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
    c.setPrefWidth(width);
    c.setMinWidth(width);
    c.setSortable(false);
    return c;
  }

  private Node footer() {
    Label metrics = new Label();
    metrics.setId("history-metrics");
    metrics.textProperty().bind(vm.metrics());
    Label status = new Label();
    status.setId("history-status");
    status.textProperty().bind(vm.status());
    Button csv = new Button("Export CSV", Icons.of(MaterialDesignF.FILE_DELIMITED_OUTLINE));
    csv.setOnAction(e -> save("incidents.csv", "CSV", "*.csv", vm::exportCsv));
    Button report = new Button("Incident report", Icons.of(MaterialDesignF.FILE_DOCUMENT_OUTLINE));
    report.disableProperty().bind(vm.selected().isNull());
    report.setOnAction(e -> save("incident-" + vm.selected().get().id() + ".md", "Markdown", "*.md", vm::exportReport));
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox bar = new HBox(12, metrics, status, spring, csv, report);
    bar.getStyleClass().add("bar");
    Label noise = new Label();
    noise.setId("history-noise");
    noise.setWrapText(true);
    noise.textProperty().bind(vm.noise());
    HBox.setHgrow(noise, Priority.ALWAYS);
    HBox section = new HBox(16, nightsTable(), noise);
    section.getStyleClass().add("details");
    return new VBox(bar, section);
  }

  /** The noise of each night of the range, newest first: alarms, pages, and those that healed before anyone acknowledged. */
  private javafx.scene.control.TableView<dev.vigil.report.NoiseReport.Night> nightsTable() {
    var table = new javafx.scene.control.TableView<>(vm.nights());
    table.setId("history-nights");
    java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.ENGLISH);
    table.getColumns().add(nightColumn("Night of", n -> day.format(n.date()), "Wed 30 Sep"));
    table.getColumns().add(nightColumn("Alarms", n -> String.valueOf(n.alarms()), "9999"));
    table.getColumns().add(nightColumn("Pages", n -> String.valueOf(n.pages()), "9999"));
    table.getColumns().add(nightColumn("For nothing", n -> String.valueOf(n.wokenForNothing()), "9999"));
    table.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No nights in this range"));
    table.setPrefHeight(170);
    table.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    table.setPrefWidth(table.getColumns().stream().mapToDouble(c -> c.getPrefWidth()).sum() + 18);
    return table;
  }

  private static javafx.scene.control.TableColumn<dev.vigil.report.NoiseReport.Night, String> nightColumn(String title,
      java.util.function.Function<dev.vigil.report.NoiseReport.Night, String> value, String widest) {
    var c = new javafx.scene.control.TableColumn<dev.vigil.report.NoiseReport.Night, String>(title);
    c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
    c.setSortable(false);
    dev.vigil.ui.ColumnWidth.fit(c, 0, widest);
    return c;
  }

  private void save(String name, String kind, String pattern, java.util.function.Consumer<java.nio.file.Path> write) {
    FileChooser chooser = new FileChooser();
    chooser.setInitialFileName(name);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
    File file = chooser.showSaveDialog(getScene().getWindow());
    if (file != null) write.accept(file.toPath());
  }

  /** The timeline line for one event: "2026-11-25 02:18  acknowledged by desktop: on it". */
  static String line(AlertEvent e, ZoneId zone) {
    String who = e.actor() == null ? "" : " by " + e.actor();
    String note = e.note() == null || e.note().isBlank() ? "" : ": " + e.note();
    return Times.full(e.time(), zone) + "  " + e.kind() + who + note;
  }

  public void focusTable() {
    table.requestFocus();
  }
}
