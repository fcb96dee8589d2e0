package dev.vigil.ui.history;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.report.NoiseReport;
import dev.vigil.store.AlertReader;
import dev.vigil.store.HistoryQuery;
import dev.vigil.store.MinuteStat;
import dev.vigil.store.Page;
import dev.vigil.ui.DesktopContext;
import dev.vigil.ui.Io;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Past incidents, newest first, read a keyset page at a time as the table scrolls, in both directions. The table's
 * list is a window of at most {@link #WINDOW} rows: a page read below drops the rows far above the viewport, a page
 * read above (keyset "before" cursor) drops the rows far below, so memory and the table's work stay flat however
 * far the person scrolls. MTTA/MTTR and the count cover every row read so far in the range, each row counted once,
 * whatever the window holds. Holds no controls; every store call goes through {@link Io}.
 */
public final class HistoryViewModel {
  public static final int PAGE = 200;
  /** The most rows the table's list holds: a few pages around the viewport. */
  public static final int WINDOW = 4 * PAGE;
  static final int EXPORT_PAGE = 1000;
  static final Duration CHART_SPAN = Duration.ofDays(1);
  static final Duration UPTIME_SPAN = Duration.ofDays(7);
  static final int CHART_POINTS = 288;

  /** Which rows of the window the table shows, so a page that arrives never drops them. */
  public interface VisibleRows {
    int first();
    int last();
  }

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
  /** The noise report of the range in a few lines (issue 15): totals, the noisiest monitors, suggestions. */
  private final ReadOnlyStringWrapper noise = new ReadOnlyStringWrapper("");
  /** The range's nights, newest first: what woke the person each night. */
  private final ObservableList<NoiseReport.Night> nights = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  /** MTTA/MTTR sums over every row read so far (down to {@link #deepest}); each page adds its new rows' sums once. */
  private IncidentMetrics.Sums sums = IncidentMetrics.Sums.NONE;
  private HistoryQuery query;
  /** The oldest row read so far in this search, and how many rows down to it. */
  private HistoryQuery.Cursor deepest;
  private int read;
  private boolean loading;
  private boolean moreBelow;
  private boolean moreAbove;
  private boolean reachedEnd;
  private int generation;
  private VisibleRows visible;
  private boolean moving;

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
  /** The window of rows the table shows: at most {@link #WINDOW}, newest first, contiguous in the range. */
  public ObservableList<Alert> rows() { return rows; }
  public ObjectProperty<Alert> selected() { return selected; }
  public ObservableList<AlertEvent> timeline() { return timeline; }
  /** The selected monitor's average response time over the last day: [epochSecond, millis] points. */
  public ObservableList<double[]> latency() { return latency; }
  public ObservableList<Uptime> uptime() { return uptime; }
  /** MTTA and MTTR over every row read so far in the selected range. */
  public ReadOnlyStringProperty metrics() { return metrics.getReadOnlyProperty(); }
  public ReadOnlyStringProperty noise() { return noise.getReadOnlyProperty(); }
  /** Each night of the range, newest first, with its alarms, pages and how many of them were for nothing. */
  public ObservableList<NoiseReport.Night> nights() { return nights; }
  public ReadOnlyStringProperty status() { return status.getReadOnlyProperty(); }

  /** The view tells which rows it shows; without it (headless) the viewport is taken to follow each page read. */
  public void visibleRows(VisibleRows visible) {
    this.visible = visible;
  }

  /** True while a page is going into the window (and rows out of it): the table's selection follows, the person did nothing. */
  public boolean movingWindow() {
    return moving;
  }

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
    deepest = null;
    read = 0;
    loadNoise(range.get().since(now), now);
    reachedEnd = false;
    moreBelow = true;
    moreAbove = false;
    loading = false;
    loadMore();
  }

  /** The range's noise report, read off the FX thread; a newer search's answer wins. */
  private void loadNoise(Instant since, Instant now) {
    int asked = generation;
    Instant from = since == null ? Instant.EPOCH : since;
    java.time.ZoneId zone = ctx.zone();
    io.load(() -> NoiseReport.of(ctx.store().noiseFacts(from, now), from, now, zone, java.util.Map.of()), report -> {
      if (asked != generation) return;
      noise.set(NoiseReport.summary(report));
      List<NoiseReport.Night> newestFirst = new java.util.ArrayList<>(report.nights());
      java.util.Collections.reverse(newestFirst);
      nights.setAll(newestFirst);
    });
  }

  /** Reads the page below the window unless a read is on its way or there is none; the table calls this near the end. */
  public void loadMore() {
    if (loading || !moreBelow || query == null) return;
    HistoryQuery.Cursor counted = deepest;
    AlertReader store = ctx.store();
    HistoryQuery q = rows.isEmpty() ? query : query.next(cursorOf(rows.get(rows.size() - 1)));
    load(q, page -> {
      // MTTA needs each incident's first acknowledgement: one query for the new rows, not a timeline per row.
      List<Alert> fresh = page.items().stream().filter(a -> counted == null || older(a, counted)).toList();
      return fresh.isEmpty() ? IncidentMetrics.Sums.NONE
          : IncidentMetrics.Sums.of(fresh, store.firstAcknowledged(fresh.stream().map(Alert::id).toList()));
    }, loaded -> {
      List<Alert> items = loaded.page().items();
      int drop = Math.max(0, rows.size() + items.size() - WINDOW);
      if (drop > 0 && visible != null && visible.first() < drop) { // scrolled back up meanwhile: not needed now
        showTotals();
        return;
      }
      moreBelow = loaded.page().next() != null;
      if (!items.isEmpty() && (deepest == null || older(items.get(items.size() - 1), deepest))) {
        read += (int) items.stream().filter(a -> loaded.counted() == null || older(a, loaded.counted())).count();
        deepest = cursorOf(items.get(items.size() - 1));
        sums = sums.plus(loaded.sums());
      }
      reachedEnd |= !moreBelow;
      moving = true;
      try {
        if (drop > 0) {
          rows.remove(0, drop);
          moreAbove = true;
        }
        rows.addAll(items);
      } finally {
        moving = false;
      }
      showTotals();
    });
  }

  /** Reads the page just above the window, if rows were dropped there; the table calls this near the window's top. */
  public void loadAbove() {
    if (loading || !moreAbove || query == null || rows.isEmpty()) return;
    load(query.previous(cursorOf(rows.get(0))), page -> IncidentMetrics.Sums.NONE, loaded -> {
      List<Alert> items = loaded.page().items();
      int drop = Math.max(0, rows.size() + items.size() - WINDOW);
      if (drop > 0 && visible != null && visible.last() >= rows.size() - drop) { // scrolled back down meanwhile
        showTotals();
        return;
      }
      moreAbove = loaded.page().next() != null;
      moving = true;
      try {
        if (drop > 0) {
          rows.remove(rows.size() - drop, rows.size());
          moreBelow = true;
        }
        rows.addAll(0, items);
      } finally {
        moving = false;
      }
      showTotals();
    });
  }

  private void load(HistoryQuery q, Function<Page<Alert>, IncidentMetrics.Sums> summing, Consumer<Loaded> then) {
    loading = true;
    status.set("Loading…");
    int gen = generation;
    HistoryQuery.Cursor counted = deepest;
    AlertReader store = ctx.store();
    io.load(() -> {
      Page<Alert> page = store.history(q);
      return new Loaded(page, summing.apply(page), counted);
    }, loaded -> {
      if (gen != generation) return;
      loading = false;
      then.accept(loaded);
    });
  }

  private void showTotals() {
    status.set(String.format("%,d", read) + (reachedEnd ? " incidents" : "+ incidents (scroll for more)"));
    metrics.set(sums.metrics().words());
  }

  private record Loaded(Page<Alert> page, IncidentMetrics.Sums sums, HistoryQuery.Cursor counted) {}

  private static HistoryQuery.Cursor cursorOf(Alert a) {
    return new HistoryQuery.Cursor(a.firstSeen(), a.id());
  }

  /** Whether {@code a} comes after the cursor's row in newest-first order. */
  private static boolean older(Alert a, HistoryQuery.Cursor c) {
    int byTime = a.firstSeen().compareTo(c.firstSeen());
    return byTime < 0 || byTime == 0 && a.id() < c.id();
  }

  private void loadDetails(Alert alert) {
    timeline.clear();
    latency.clear();
    uptime.clear();
    if (alert == null) return;
    Instant now = ctx.clock().instant();
    AlertReader store = ctx.store();
    io.load(() -> new Details(store.timeline(alert.id()), store.checkStats(alert.monitor(), now.minus(UPTIME_SPAN), now)), d -> {
      if (selected.get() != alert) return;
      timeline.setAll(d.timeline());
      Instant chartFrom = now.minus(CHART_SPAN);
      latency.setAll(Uptime.latency(d.stats().stream().filter(s -> !s.minute().isBefore(chartFrom)).toList(), CHART_POINTS));
      uptime.setAll(Uptime.perDay(d.stats(), ctx.zone()));
    });
  }

  private record Details(List<AlertEvent> timeline, List<MinuteStat> stats) {}

  /**
   * Writes every incident of the selected range as CSV, not only the window: the query is read again, a keyset page
   * at a time on the I/O thread, and streamed to the file.
   */
  public void exportCsv(Path file) {
    if (query == null) return;
    HistoryQuery q = new HistoryQuery(query.since(), query.until(), query.monitor(), query.severity(), query.state(), query.text(),
        EXPORT_PAGE, null);
    AlertReader store = ctx.store();
    ZoneId zone = ctx.zone();
    status.set("Exporting…");
    io.load(() -> {
      try (Writer out = Files.newBufferedWriter(file)) {
        return IncidentExport.csv(out, store::history, q, zone);
      }
    }, n -> status.set("Exported " + String.format("%,d", n) + " incidents to " + file.getFileName()));
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
