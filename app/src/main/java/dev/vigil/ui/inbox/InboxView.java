package dev.vigil.ui.inbox;

import dev.vigil.ui.Dialogs;
import dev.vigil.ui.Icons;
import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The inbox window's content. Keys: A acknowledge, S snooze, R resolve, Enter details, Ctrl+F filter,
 * Esc clears the filter or closes the window.
 */
public final class InboxView extends BorderPane {
  private final InboxViewModel vm;
  private final TableView<AlertRow> table = new TableView<>();
  private final TextField filter = new TextField();
  private final MenuButton snooze = new MenuButton("_Snooze", Icons.of(MaterialDesignS.SLEEP));
  private final Consumer<String> openUrl;
  private final Consumer<AlertRow> openDetails;
  private long selectedId = -1;

  public InboxView(InboxViewModel vm, Consumer<String> openUrl, Consumer<AlertRow> openDetails) {
    this.vm = vm;
    this.openUrl = openUrl;
    this.openDetails = openDetails;
    getStyleClass().add("inbox");
    setTop(header());
    setCenter(table());
    setBottom(actions());
    addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
  }

  private Node header() {
    Label title = new Label("Inbox");
    title.getStyleClass().add("title");
    Label status = new Label();
    status.setId("inbox-status");
    status.textProperty().bind(vm.status());
    filter.setId("filter");
    filter.setPromptText("Filter (Ctrl+F)");
    filter.textProperty().bindBidirectional(vm.filter());
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox bar = new HBox(12, title, status, spring, filter);
    bar.getStyleClass().add("bar");
    return bar;
  }

  private Node table() {
    table.setId("inbox-table");
    table.setItems(vm.rows());
    table.setPlaceholder(new Label("Nothing open. All well."));
    columns(table);
    table.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2) selected(openDetails);
    });
    // Live updates replace the rows; keep the person's selection on the same alert, or the first one.
    table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
      if (row != null) selectedId = row.id();
    });
    vm.rows().addListener((javafx.collections.ListChangeListener<AlertRow>) c -> keepSelection());
    warmUp();
    return table;
  }

  private static void columns(TableView<AlertRow> table) {
    TableColumn<AlertRow, String> severity = column("Severity", AlertRow::severity, 110);
    severity.setCellFactory(c -> new SeverityCell());
    TableColumn<AlertRow, String> since = column("Since", AlertRow::since, 170);
    TableColumn<AlertRow, String> count = column("Count", AlertRow::count, 95);
    // never cut: "since 24 Nov 02:14 (23 h)", "9999 times", "critical" beside its icon
    dev.vigil.ui.ColumnWidth.fit(severity, 22, "critical", "warning");
    dev.vigil.ui.ColumnWidth.fit(since, 0, "since 24 Nov 02:14 (23 h)", "since 02:14 (59 min)");
    dev.vigil.ui.ColumnWidth.fit(count, 0, "9999 times");
    table.getColumns().setAll(java.util.List.of(severity, column("Monitor", AlertRow::monitor, 180), since, count,
        column("Last failure", AlertRow::lastFailure, 255), column("Noise", AlertRow::noise, 320)));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
  }

  /**
   * The first rows a table ever shows cost it tens of milliseconds on the FX thread (row skins, cells, their styles,
   * cold code; measured with the storm probe), and the first alerts into an open, empty inbox are often a storm. So for
   * the window's first frames the table shows made-up rows, unseen (opacity 0), and then the inbox's own: the cells it
   * built stay in its VirtualFlow for reuse, and the storm's first frame only fills them.
   */
  static final int WARM_UP_ROWS = 40;

  private void warmUp() {
    Alert sample = new Alert(0, "", "warm-up", Severity.CRITICAL, AlertState.FIRING, Instant.EPOCH, Instant.EPOCH, null, 1, "",
        Map.of(), null);
    javafx.collections.ObservableList<AlertRow> made = javafx.collections.FXCollections.observableArrayList();
    for (int i = 0; i < WARM_UP_ROWS; i++) {
      made.add(new AlertRow(sample, i % 2 == 0 ? "critical" : "warning", "warm-up", "since", i + " times", "", ""));
    }
    table.setItems(made);
    table.setOpacity(0);
    table.setMouseTransparent(true);
    AnimationTimer afterFirstFrames = new AnimationTimer() {
      private int pulses;

      @Override public void handle(long now) {
        if (table.getScene() == null || table.getScene().getWindow() == null || !table.getScene().getWindow().isShowing()) return;
        if (++pulses < 3) return;
        stop();
        table.setItems(vm.rows());
        table.setOpacity(1);
        table.setMouseTransparent(false);
        keepSelection();
      }
    };
    // Started when the view joins a scene (the window is shown right after), so it never ticks for a view not shown.
    table.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
      @Override public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o, javafx.scene.Scene was,
          javafx.scene.Scene scene) {
        if (scene == null) return;
        table.sceneProperty().removeListener(this);
        afterFirstFrames.start();
      }
    });
  }

  private void keepSelection() {
    if (table.getItems() != vm.rows() || !table.getSelectionModel().isEmpty()) return;
    for (int i = 0; i < table.getItems().size(); i++) {
      if (table.getItems().get(i).id() == selectedId) {
        table.getSelectionModel().select(i);
        return;
      }
    }
    if (!table.getItems().isEmpty()) table.getSelectionModel().selectFirst();
  }

  private static TableColumn<AlertRow, String> column(String name, java.util.function.Function<AlertRow, String> value, double width) {
    TableColumn<AlertRow, String> c = new TableColumn<>(name);
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private Node actions() {
    Button ack = button("acknowledge", "_Acknowledge", Icons.of(MaterialDesignC.CHECK), this::acknowledge);
    snooze.setId("snooze");
    for (SnoozeChoice choice : SnoozeChoice.values()) {
      MenuItem item = new MenuItem(choice.label());
      item.setId("snooze-" + choice.name().toLowerCase(java.util.Locale.ROOT));
      item.setOnAction(e -> selected(row -> vm.snooze(row, choice)));
      snooze.getItems().add(item);
    }
    Button resolve = button("resolve", "_Resolve", Icons.of(MaterialDesignC.CHECK_ALL), this::resolve);
    Button open = button("open-endpoint", "Open endpoint", Icons.of(MaterialDesignO.OPEN_IN_NEW), () -> selected(r -> {
      if (r.url() != null) openUrl.accept(r.url());
    }));
    Button runbook = button("open-runbook", "Open runbook", Icons.of(MaterialDesignO.OPEN_IN_NEW), () -> selected(r -> {
      if (r.runbook() != null) openUrl.accept(r.runbook());
    }));
    runbook.disableProperty().bind(Bindings.createBooleanBinding(
        () -> table.getSelectionModel().getSelectedItem() == null || table.getSelectionModel().getSelectedItem().runbook() == null,
        table.getSelectionModel().selectedItemProperty()));
    var none = table.getSelectionModel().selectedItemProperty().isNull();
    ack.disableProperty().bind(none);
    snooze.disableProperty().bind(none);
    resolve.disableProperty().bind(none);
    open.disableProperty().bind(Bindings.createBooleanBinding(
        () -> table.getSelectionModel().getSelectedItem() == null || table.getSelectionModel().getSelectedItem().url() == null,
        table.getSelectionModel().selectedItemProperty()));
    Label message = new Label();
    message.setId("inbox-message");
    message.textProperty().bind(vm.message());
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox bar = new HBox(8, ack, snooze, resolve, open, runbook, spring, message);
    bar.getStyleClass().add("bar");
    return new VBox(bar);
  }

  private static Button button(String id, String text, Node icon, Runnable action) {
    Button b = new Button(text, icon);
    b.setId(id);
    b.setMnemonicParsing(true);
    b.setOnAction(e -> action.run());
    return b;
  }

  private void acknowledge() {
    selected(row -> Dialogs.note(getScene().getWindow(), "Acknowledge", "Acknowledge " + row.monitor() + "?")
        .ifPresent(note -> vm.acknowledge(row, note)));
  }

  private void resolve() {
    selected(row -> Dialogs.note(getScene().getWindow(), "Resolve", "Resolve " + row.monitor() + " by hand?")
        .ifPresent(note -> vm.resolve(row, note)));
  }

  private void selected(Consumer<AlertRow> action) {
    AlertRow row = table.getSelectionModel().getSelectedItem();
    if (row != null) action.accept(row);
  }

  private void onKey(KeyEvent e) {
    if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
      filter.requestFocus();
      e.consume();
      return;
    }
    if (e.getCode() == KeyCode.ESCAPE) {
      if (!filter.getText().isEmpty()) filter.clear();
      else if (getScene() != null) getScene().getWindow().hide();
      e.consume();
      return;
    }
    if (filter.isFocused() || e.isShortcutDown() || e.isAltDown()) return;
    switch (e.getCode()) {
      case A -> acknowledge();
      case S -> selected(row -> snooze.show());
      case R -> resolve();
      case ENTER -> selected(openDetails);
      default -> { return; }
    }
    e.consume();
  }

  /** Focuses the table so the keys work at once. */
  public void focusTable() {
    table.requestFocus();
  }
}
