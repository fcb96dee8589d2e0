package dev.vigil.ui.history;

import dev.vigil.config.Durations;
import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import dev.vigil.store.HistoryQuery;
import dev.vigil.store.Page;
import dev.vigil.ui.Times;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/** Incidents as CSV (one row per alert) and as a Markdown report of one incident. */
public final class IncidentExport {
  static final String CSV_HEADER = "id,monitor,severity,state,first_seen,last_seen,resolved_at,count,summary";

  private IncidentExport() {}

  /** RFC 4180 CSV with ISO-8601 times with offset in {@code zone}; lines end in CRLF. */
  public static String csv(List<Alert> alerts, ZoneId zone) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
    rows(out, alerts, zone);
    return out.toString();
  }

  /**
   * Writes every alert {@code query} matches as CSV, reading it a keyset page at a time from {@code history} so the
   * whole range never sits in memory; returns how many rows it wrote.
   */
  public static long csv(Writer out, Function<HistoryQuery, Page<Alert>> history, HistoryQuery query, ZoneId zone)
      throws IOException {
    out.write(CSV_HEADER + "\r\n");
    long written = 0;
    StringBuilder chunk = new StringBuilder();
    for (Page<Alert> page = history.apply(query); ; page = history.apply(query.next(page.next()))) {
      chunk.setLength(0);
      rows(chunk, page.items(), zone);
      out.append(chunk);
      written += page.items().size();
      if (page.next() == null) return written;
    }
  }

  private static void rows(StringBuilder out, List<Alert> alerts, ZoneId zone) {
    for (Alert a : alerts) {
      out.append(a.id()).append(',')
          .append(field(a.monitor())).append(',')
          .append(a.severity().label()).append(',')
          .append(a.state().label()).append(',')
          .append(iso(a.firstSeen(), zone)).append(',')
          .append(iso(a.lastSeen(), zone)).append(',')
          .append(a.resolvedAt() == null ? "" : iso(a.resolvedAt(), zone)).append(',')
          .append(a.count()).append(',')
          .append(field(a.summary())).append("\r\n");
    }
  }

  static String iso(Instant t, ZoneId zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone).toOffsetDateTime());
  }

  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** A Markdown incident report: the facts, then the timeline as a table. */
  public static String markdown(Alert a, List<AlertEvent> timeline, ZoneId zone) {
    StringBuilder out = new StringBuilder();
    out.append("# Incident ").append(a.id()).append(": ").append(a.monitor()).append("\n\n");
    out.append("- Severity: ").append(a.severity().label()).append('\n');
    out.append("- State: ").append(a.state().label()).append('\n');
    out.append("- First seen: ").append(Times.full(a.firstSeen(), zone)).append(" (").append(zone.getId()).append(")\n");
    if (a.resolvedAt() != null) {
      out.append("- Resolved: ").append(Times.full(a.resolvedAt(), zone)).append(" after ")
          .append(Durations.words(Duration.between(a.firstSeen(), a.resolvedAt()))).append('\n');
    }
    out.append("- Failures: ").append(a.count()).append('\n');
    out.append("- Last failure: ").append(cell(a.summary())).append("\n\n");
    out.append("## Timeline\n\n");
    out.append("| Time | What | Who | Note |\n");
    out.append("|---|---|---|---|\n");
    for (AlertEvent e : timeline) {
      out.append("| ").append(Times.full(e.time(), zone)).append(" | ").append(cell(e.kind())).append(" | ")
          .append(cell(e.actor())).append(" | ").append(cell(e.note())).append(" |\n");
    }
    return out.toString();
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }
}
