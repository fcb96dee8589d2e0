package dev.vigil.alert;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An alert as the command line and API show it: {@code id, monitor, severity, state, firstSeen, lastSeen,
 * resolvedAt, count, reopens, summary, labels, heldBy}, plus {@code snoozedUntil} while snoozed. Times are ISO-8601 with the
 * offset of the user's time zone, to the second.
 */
public final class AlertJson {
  private final ZoneId zone;

  public AlertJson(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  public ObjectNode write(Alert alert) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", alert.id());
    json.put("monitor", alert.monitor());
    json.put("severity", alert.severity().label());
    json.put("state", alert.state().label());
    json.put("firstSeen", time(alert.firstSeen()));
    json.put("lastSeen", time(alert.lastSeen()));
    json.put("resolvedAt", time(alert.resolvedAt()));
    json.put("count", alert.count());
    json.put("reopens", alert.reopens());
    json.put("summary", alert.summary());
    ObjectNode labels = json.putObject("labels");
    new TreeMap<>(alert.labels()).forEach(labels::put);
    json.put("heldBy", alert.heldBy());
    if (alert.snoozedUntil() != null) json.put("snoozedUntil", time(alert.snoozedUntil()));
    return json;
  }

  private String time(Instant instant) {
    return time(instant, zone);
  }

  /** A time as every JSON answer writes it: ISO-8601 to the second, with the zone's offset, seconds always shown. */
  public static String time(Instant instant, java.time.ZoneId zone) {
    if (instant == null) return null;
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
