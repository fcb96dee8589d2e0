package dev.vigil.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the monitors board: what a monitor is, how it is and how it has been.
 *
 * @param kind http, tcp, tls, dns or ping
 * @param state up, failing 1/2, firing, acknowledged, paused, not yet checked
 * @param lastCheck when the last check started, or null
 * @param lastResult "ok" or the failure in words, e.g. "connect: connection refused", or null
 * @param latencyMs the last check's latency, or null
 * @param uptime24h the share of checks that passed in the last 24 hours (0 to 1), or null without checks
 * @param nextCheck when the next check is due (for a paused monitor, the end of its pause), or null when not watching
 * @param file the rules file it is written in
 * @param line the line of its entry there
 */
public record MonitorRow(
    String id,
    String kind,
    String state,
    Instant lastCheck,
    String lastResult,
    Long latencyMs,
    Double uptime24h,
    Instant nextCheck,
    String file,
    int line) {

  /** The row as JSON fields, times in ISO-8601 with the zone's offset: the shape of {@code vigil monitors --json}. */
  public Map<String, Object> toJson(ZoneId zone) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("kind", kind);
    out.put("state", state);
    out.put("lastCheck", time(lastCheck, zone));
    out.put("lastResult", lastResult);
    out.put("latencyMs", latencyMs);
    out.put("uptime24h", uptime24h);
    out.put("nextCheck", time(nextCheck, zone));
    out.put("file", file);
    out.put("line", line);
    return out;
  }

  private static String time(Instant at, ZoneId zone) {
    return dev.vigil.alert.AlertJson.time(at, zone); // toString() would drop ":00" seconds
  }
}
