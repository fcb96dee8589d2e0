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
 */
public record HistoryQuery(
    Instant since, Instant until, String monitor, Severity severity, AlertState state, String text, int limit, Cursor after) {

  public static HistoryQuery latest(int limit) {
    return new HistoryQuery(null, null, null, null, null, null, limit, null);
  }

  public HistoryQuery next(Cursor cursor) {
    return new HistoryQuery(since, until, monitor, severity, state, text, limit, cursor);
  }

  /** Position after the row (firstSeen, id) in newest-first order. */
  public record Cursor(Instant firstSeen, long id) {}
}
