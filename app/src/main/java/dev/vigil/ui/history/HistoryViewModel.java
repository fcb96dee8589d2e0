package dev.vigil.ui.history;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.store.AlertStore;
import dev.vigil.store.HistoryQuery;
import dev.vigil.store.MinuteStat;
import dev.vigil.store.Page;
import dev.vigil.ui.DesktopContext;
import dev.vigil.ui.Io;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Past incidents, newest first, read a keyset page at a time as the table scrolls near its end; never all at
 * once. Holds no controls; every store call goes through {@link Io}.
 */
public final class HistoryViewModel {
  public static final int PAGE = 200;
  static final Duration CHART_SPAN = Duration.ofDays(1);
  static final Duration UPTIME_SPAN = Duration.ofDays(7);
  static final int CHART_POINTS = 288;

  private final DesktopContext ctx;
  private final Io io;
  private final StringProperty monitor = new SimpleStringProperty("");
  private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>();
  private final ObjectProperty<AlertState> state = new SimpleObjectProperty<>();
  private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(TimeRange.WEEK);
  private final StringProperty text = new SimpleStringProperty("");
  private final ObservableList<Alert> rows = FXCollections.observableArrayList();
  private final ObjectProperty<Alert> selected = new SimpleObjectProperty<>();
  private final ObservableList<AlertEvent> timeline = FXCollections.observableArrayList();
  private final ObservableList<double[]> latency = FXCollections.observableArrayList();
  private final ObservableList<Uptime> uptime = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper metrics = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  /** MTTA/MTTR sums over the rows loaded so far; each page adds its own, summed on the I/O thread. */
  private IncidentMetrics.Sums sums = IncidentMetrics.Sums.NONE;
  private HistoryQuery query;
  private HistoryQuery.Cursor cursor;
  private boolean loading;
  private boolean exhausted = true;
  private int generation;

  public HistoryViewModel(DesktopContext ctx, Io io) {
    this.ctx = ctx;
    this.io = io;
    selected.addListener((o, was, alert) -> loadDetails(alert));
  }

  public StringProperty monitor() { return monitor; }
  public ObjectProperty<Severity> severity() { return severity; }
  public ObjectProperty<AlertState> state() { return state; }
  public ObjectProperty<TimeRange> range() { return range; }
  public StringProperty text() { return text; }
  public ObservableList<Alert> rows() { return rows; }
  public ObjectProperty<Alert> selected() { return selected; }
  public ObservableList<AlertEvent> timeline() { return timeline; }
  /** The selected monitor's average response time over the last day: [epochSecond, millis] points. */
  public ObservableList<double[]> latency() { return latency; }
  public ObservableList<Uptime> uptime() { return uptime; }
  /** MTTA and MTTR over the rows loaded so far. */
  public ReadOnlyStringProperty metrics() { return metrics.getReadOnlyProperty(); }
  public ReadOnlyStringProperty status() { return status.getReadOnlyProperty(); }

  /** Starts over with the current filters and reads the first page. */
  public void search() {
    generation++;
    rows.clear();
    sums = IncidentMetrics.Sums.NONE;
    metrics.set("");
    selected.set(null);
    Instant now = ctx.clock().instant();
    query = new HistoryQuery(range.get().since(now), null, blankToNull(monitor.get()), severity.get(), state.get(),
        blankToNull(text.get()), PAGE, null);
    cursor = null;
    exhausted = false;
    loading = false;
    loadMore();
  }

  /** Reads the next page unless one is already on its way or there is none; the table calls this near its end. */
  public void loadMore() {
    if (loading || exhausted || query == null) return;
    loading = true;
    status.set("Loading…");
    int gen = generation;
    HistoryQuery q = cursor == null ? query : query.next(cursor);
    AlertStore store = ctx.store();
    io.load(() -> {
      Page<Alert> page = store.history(q);
      // MTTA needs each incident's first acknowledgement: one query for the page, not a timeline per row.
      Map<Long, Instant> acks = store.firstAcknowledged(page.items().stream().map(Alert::id).toList());
      return new Loaded(page, IncidentMetrics.Sums.of(page.items(), acks));
    }, loaded -> {
      if (gen != generation) return;
      loading = false;
      cursor = loaded.page().next();
      exhausted = cursor == null;
      rows.addAll(loaded.page().items());
      status.set(rows.size() + (exhausted ? " incidents" : "+ incidents (scroll for more)"));
      sums = sums.plus(loaded.sums());
      metrics.set(sums.metrics().words());
    });
  }

  private record Loaded(Page<Alert> page, IncidentMetrics.Sums sums) {}

  private void loadDetails(Alert alert) {
    timeline.clear();
    latency.clear();
    uptime.clear();
    if (alert == null) return;
    Instant now = ctx.clock().instant();
    AlertStore store = ctx.store();
    io.load(() -> new Details(store.timeline(alert.id()), store.checkStats(alert.monitor(), now.minus(UPTIME_SPAN), now)), d -> {
      if (selected.get() != alert) return;
      timeline.setAll(d.timeline());
      Instant chartFrom = now.minus(CHART_SPAN);
      latency.setAll(Uptime.latency(d.stats().stream().filter(s -> !s.minute().isBefore(chartFrom)).toList(), CHART_POINTS));
      uptime.setAll(Uptime.perDay(d.stats(), ctx.zone()));
    });
  }

  private record Details(List<AlertEvent> timeline, List<MinuteStat> stats) {}

  /** Writes the loaded rows as CSV. */
  public void exportCsv(Path file) {
    String csv = IncidentExport.csv(List.copyOf(rows), ctx.zone());
    io.run(() -> Files.writeString(file, csv), () -> status.set("Exported " + rows.size() + " incidents to " + file.getFileName()));
  }

  /** Writes the selected incident's Markdown report. */
  public void exportReport(Path file) {
    Alert alert = selected.get();
    if (alert == null) return;
    String md = IncidentExport.markdown(alert, List.copyOf(timeline), ctx.zone());
    io.run(() -> Files.writeString(file, md), () -> status.set("Wrote the report to " + file.getFileName()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
