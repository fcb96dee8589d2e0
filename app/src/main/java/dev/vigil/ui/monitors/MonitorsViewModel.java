package dev.vigil.ui.monitors;

import dev.vigil.engine.MonitorRow;
import dev.vigil.ui.DesktopContext;
import dev.vigil.ui.Io;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The monitors board: every monitor, worst first (firing, failing, held by a dependency, acknowledged, in
 * maintenance, paused, not yet checked, up), then by id; filtered by words in its id, kind, state or last result. Holds no controls; every engine call goes
 * through {@link Io}.
 */
public final class MonitorsViewModel {
  private static final List<String> WORST_FIRST = List.of("firing", "failing", "held by", "acknowledged", "in maintenance", "paused",
      "not yet checked", "up");

  private final DesktopContext ctx;
  private final Io io;
  private final Opener openFile;
  private final java.util.function.Consumer<String> openUrl;
  private final StringProperty filter = new SimpleStringProperty("");
  private final ObservableList<BoardLine> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  /** The last read, worst first, in words; the filter picks from it. */
  private List<BoardLine> all = List.of();
  private String allSummary = "";

  /** Opens a rules file at a line with the desktop's editor (see {@link RuleEditor}); may do I/O. */
  @FunctionalInterface
  public interface Opener {
    void open(Path file, int line) throws Exception;
  }

  /**
   * @param openFile opens a rules file at a line with the desktop's editor; called off the FX thread
   * @param openUrl opens a web address in the browser (a runbook)
   */
  public MonitorsViewModel(DesktopContext ctx, Io io, Opener openFile, java.util.function.Consumer<String> openUrl) {
    this.ctx = ctx;
    this.io = io;
    this.openFile = openFile;
    this.openUrl = openUrl;
    filter.addListener((o, was, now) -> show());
  }

  /** What the table shows: the last read, filtered, worst first. */
  public ObservableList<BoardLine> rows() {
    return rows;
  }

  public StringProperty filter() {
    return filter;
  }

  /** "12 monitors: 9 up, 1 failing, 1 firing, 1 paused". */
  public ReadOnlyStringProperty summary() {
    return summary.getReadOnlyProperty();
  }

  /** Reads the board again and puts it in words and in order, in the background; the FX thread only filters. */
  public void refresh() {
    io.load(() -> {
      List<MonitorRow> board = ctx.monitors();
      java.time.Instant now = ctx.clock().instant();
      List<BoardLine> lines = board.stream()
          .sorted(Comparator.comparingInt((MonitorRow r) -> rank(r.state())).thenComparing(MonitorRow::id))
          .map(r -> BoardLine.of(r, now, ctx.zone()))
          .toList();
      return new Read(lines, summary(board));
    }, read -> {
      all = read.lines;
      allSummary = read.summary;
      show();
    });
  }

  private record Read(List<BoardLine> lines, String summary) {}

  public void checkNow(MonitorRow row) {
    if (row != null) io.run(() -> ctx.checkNow(row.id()), () -> io.after(1500, this::refresh));
  }

  /** What "Pause until…" offers. */
  public static final List<String> PAUSE_CHOICES = List.of("30 min", "1 h", "4 h", "tomorrow 08:00");

  /** When a pause chosen now ends: in 30 min, 1 h or 4 h, or at the next 08:00 in the user's zone. */
  public static java.time.Instant pauseEnd(String choice, java.time.Instant now, java.time.ZoneId zone) {
    switch (choice) {
      case "30 min": return now.plus(Duration.ofMinutes(30));
      case "4 h": return now.plus(Duration.ofHours(4));
      case "tomorrow 08:00": {
        var local = now.atZone(zone);
        var eight = local.toLocalDate().atTime(8, 0).atZone(zone);
        return (eight.isAfter(local) ? eight : local.toLocalDate().plusDays(1).atTime(8, 0).atZone(zone)).toInstant();
      }
      default: return now.plus(Duration.ofHours(1));
    }
  }

  /** Pauses the monitor until the end of the chosen pause (see {@link #PAUSE_CHOICES}). */
  public void pause(MonitorRow row, String choice) {
    if (row != null) io.run(() -> ctx.pauseMonitor(row.id(), pauseEnd(choice, ctx.clock().instant(), ctx.zone())), this::refresh);
  }

  public void resume(MonitorRow row) {
    if (row != null) io.run(() -> ctx.resumeMonitor(row.id()), this::refresh);
  }

  /** Opens the monitor's runbook in the browser (in the background: the desktop's opener is a process). */
  public void openRunbook(MonitorRow row) {
    if (row != null && row.runbook() != null) io.run(() -> openUrl.accept(row.runbook()), () -> {});
  }

  /** Opens the rules file the monitor is written in, at its line, in the background. */
  public void openRule(MonitorRow row) {
    if (row != null) io.run(() -> openFile.open(ctx.rulesFolder().resolve(row.file()), row.line()), () -> {});
  }

  private void show() {
    String typed = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
    String[] words = typed.split("\\s+");
    rows.setAll(typed.isEmpty() ? all : all.stream().filter(line -> line.matches(words)).toList());
    summary.set(allSummary);
  }

  static int rank(String state) {
    for (int i = 0; i < WORST_FIRST.size(); i++) if (state.startsWith(WORST_FIRST.get(i))) return i;
    return WORST_FIRST.size();
  }

  private static String summary(List<MonitorRow> board) {
    if (board.isEmpty()) return "No monitors";
    java.util.Map<String, Long> counts = new java.util.TreeMap<>(Comparator.comparingInt(MonitorsViewModel::rank));
    for (MonitorRow r : board) counts.merge(r.state().startsWith("failing") ? "failing" : r.state(), 1L, Long::sum);
    StringBuilder out = new StringBuilder(board.size() + (board.size() == 1 ? " monitor: " : " monitors: "));
    counts.forEach((state, n) -> out.append(n).append(' ').append(state).append(", "));
    return out.substring(0, out.length() - 2);
  }
}
