package dev.vigil.ui.monitors;

import dev.vigil.engine.MonitorRow;
import dev.vigil.ui.DesktopContext;
import dev.vigil.ui.Io;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
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
  private final ObservableList<BoardEntry> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  /** The last read, worst first (FX thread); the filter picks from it. */
  private List<BoardEntry> all = List.of();
  private Map<String, BoardEntry> entries = new HashMap<>();
  private String allSummary = "";
  /** The last read in words by monitor, and the day it was put in words for (the Io thread's only). */
  private Map<String, BoardLine> made = Map.of();
  private LocalDate madeFor;

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
  public ObservableList<BoardEntry> rows() {
    return rows;
  }

  public StringProperty filter() {
    return filter;
  }

  /** "12 monitors: 9 up, 1 failing, 1 firing, 1 paused". */
  public ReadOnlyStringProperty summary() {
    return summary.getReadOnlyProperty();
  }

  /**
   * Reads the board again and puts it in order and in words in the background, again only for the monitors whose row
   * changed (at 5,000 monitors checked every 30 s, a sixth of them between two reads); the FX thread then changes the
   * words of those rows only, and the order when a state changed.
   */
  public void refresh() {
    io.load(() -> {
      List<MonitorRow> board = ctx.monitors();
      Instant now = ctx.clock().instant();
      LocalDate today = LocalDate.ofInstant(now, ctx.zone());
      Map<String, BoardLine> before = today.equals(madeFor) ? made : Map.of(); // "today" reads as a time of day
      Map<String, BoardLine> next = new HashMap<>(board.size() * 2);
      List<BoardLine> lines = new ArrayList<>(board.size());
      for (MonitorRow r : board) {
        BoardLine old = before.get(r.id());
        BoardLine line = old != null && old.row().equals(r) ? old : BoardLine.of(r, now, ctx.zone());
        next.put(r.id(), line);
        lines.add(line);
      }
      lines.sort(Comparator.comparingInt(BoardLine::rank).thenComparing(BoardLine::id));
      made = next;
      madeFor = today;
      return new Read(lines, summary(lines));
    }, read -> {
      Map<String, BoardEntry> kept = new HashMap<>(read.lines.size() * 2);
      List<BoardEntry> ordered = new ArrayList<>(read.lines.size());
      for (BoardLine line : read.lines) {
        BoardEntry entry = entries.get(line.id());
        if (entry == null) entry = new BoardEntry(line);
        else entry.show(line);
        kept.put(line.id(), entry);
        ordered.add(entry);
      }
      entries = kept;
      all = ordered;
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
    List<BoardEntry> shown = typed.isEmpty() ? all : all.stream().filter(e -> e.line().matches(words)).toList();
    if (!shown.equals(rows)) rows.setAll(shown); // the same monitors in the same order: their cells changed already
    summary.set(allSummary);
  }

  static int rank(String state) {
    for (int i = 0; i < WORST_FIRST.size(); i++) if (state.startsWith(WORST_FIRST.get(i))) return i;
    return WORST_FIRST.size();
  }

  /** Each state with how many monitors are in it, worst first; "held by a" and "held by b" are two states. */
  private static String summary(List<BoardLine> board) {
    if (board.isEmpty()) return "No monitors";
    Map<String, Long> counts = new HashMap<>();
    for (BoardLine l : board) counts.merge(l.state().startsWith("failing") ? "failing" : l.state(), 1L, Long::sum);
    List<String> states = new ArrayList<>(counts.keySet());
    states.sort(Comparator.comparingInt(MonitorsViewModel::rank).thenComparing(Comparator.naturalOrder()));
    StringBuilder out = new StringBuilder(board.size() + (board.size() == 1 ? " monitor: " : " monitors: "));
    for (String state : states) out.append(counts.get(state)).append(' ').append(state).append(", ");
    return out.substring(0, out.length() - 2);
  }
}
