package dev.vigil.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.Alert;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vigil's alert JSON, as {@code GET /api/alerts} and {@code vigil alerts --json} show it: {@code id, monitor,
 * severity, state, firstSeen, lastSeen, resolvedAt, count, summary, labels}, times ISO-8601 with offset.
 */
public final class AlertJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertJson() {}

  /** The alert as an ordered map, ready for Jackson; times in {@code zone}. */
  public static Map<String, Object> toMap(Alert alert, ZoneId zone) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", alert.id());
    out.put("monitor", alert.monitor());
    out.put("severity", alert.severity().label());
    out.put("state", alert.state().label());
    out.put("firstSeen", time(alert.firstSeen(), zone));
    out.put("lastSeen", time(alert.lastSeen(), zone));
    out.put("resolvedAt", time(alert.resolvedAt(), zone));
    out.put("count", alert.count());
    out.put("summary", alert.summary());
    out.put("labels", new TreeMap<>(alert.labels()));
    return out;
  }

  /** ISO-8601 with offset to the millisecond, e.g. {@code 2026-03-29T03:00:00+02:00}; null stays null. */
  public static String time(Instant at, ZoneId zone) {
    if (at == null) return null;
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), zone));
  }
}
