package dev.vigil.ui.monitors;

import dev.vigil.engine.MonitorRow;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One monitor's row on the board, kept from read to read: a new read changes only the words that changed, so the
 * table redraws only those cells, and a selected monitor stays selected. Used on the FX thread only.
 */
public final class BoardEntry {
  /** The board's columns, in order, and the words each shows. */
  public enum Column {
    STATE(BoardLine::state),
    MONITOR(BoardLine::id),
    KIND(line -> line.row().kind()),
    LATENCY(BoardLine::latency),
    LAST_HOUR(BoardLine::lastHour),
    UPTIME_24H(BoardLine::uptime24h),
    UPTIME_7D(BoardLine::uptime7d),
    LAST_CHECK(BoardLine::lastCheck),
    NEXT_CHECK(BoardLine::nextCheck),
    RESULT(BoardLine::result);

    private final Function<BoardLine, String> words;

    Column(Function<BoardLine, String> words) {
      this.words = words;
    }
  }

  private final ReadOnlyStringWrapper[] words = new ReadOnlyStringWrapper[Column.values().length];
  private final javafx.beans.property.ReadOnlyObjectWrapper<BoardLine> line = new javafx.beans.property.ReadOnlyObjectWrapper<>();

  BoardEntry(BoardLine line) {
    for (int i = 0; i < words.length; i++) words[i] = new ReadOnlyStringWrapper();
    show(line);
  }

  /** Shows a newer read of the same monitor; a cell hears of it only when its own words changed. */
  void show(BoardLine next) {
    if (next == line.get()) return;
    line.set(next);
    for (Column c : Column.values()) words[c.ordinal()].set(c.words.apply(next)); // a String property fires only on a change
  }

  /** What one column shows for this monitor. */
  public ReadOnlyStringProperty words(Column column) {
    return words[column.ordinal()].getReadOnlyProperty();
  }

  public BoardLine line() {
    return line.get();
  }

  /** The monitor as last read: the board's buttons follow it (a reload may give the selected monitor a runbook). */
  public javafx.beans.property.ReadOnlyObjectProperty<BoardLine> lineProperty() {
    return line.getReadOnlyProperty();
  }

  public MonitorRow row() {
    return line.get().row();
  }

  public String id() {
    return line.get().id();
  }

  public String state() {
    return line.get().state();
  }

  public String result() {
    return line.get().result();
  }
}
