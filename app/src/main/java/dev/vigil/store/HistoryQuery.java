package dev.vigil.store;

import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import java.time.Instant;

/**
 * Which alerts to list, newest first. Null fields do not filter.
 *
 * @param since alerts first seen at or after this
 * @param until alerts first seen before this
 * @param text matches monitor or summary (case-insensitive substring)
 * @param after the keyset cursor: the last row of the previous page, or null for the first page
 * @param before the keyset cursor reading upwards: the rows just newer than this one (still listed newest first),
 *     whose {@link Page#next()} is the newest of them, to read further up; null unless reading upwards
 */
public record HistoryQuery(
    Instant since, Instant until, String monitor, Severity severity, AlertState state, String text, int limit, Cursor after,
    Cursor before) {

  public HistoryQuery {
    if (after != null && before != null) throw new IllegalArgumentException("a page is read after a row or before one, not both");
  }

  public HistoryQuery(
      Instant since, Instant until, String monitor, Severity severity, AlertState state, String text, int limit, Cursor after) {
    this(since, until, monitor, severity, state, text, limit, after, null);
  }

  public static HistoryQuery latest(int limit) {
    return new HistoryQuery(null, null, null, null, null, null, limit, null);
  }

  /** The page below {@code cursor} (older rows). */
  public HistoryQuery next(Cursor cursor) {
    return new HistoryQuery(since, until, monitor, severity, state, text, limit, cursor, null);
  }

  /** The page just above {@code cursor} (newer rows), newest first; its {@link Page#next()} continues upwards. */
  public HistoryQuery previous(Cursor cursor) {
    return new HistoryQuery(since, until, monitor, severity, state, text, limit, null, cursor);
  }

  /** Position after the row (firstSeen, id) in newest-first order. */
  public record Cursor(Instant firstSeen, long id) {}
}
