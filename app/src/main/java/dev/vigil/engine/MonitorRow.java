package dev.vigil.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the monitors board: what a monitor is, how it is and how it has been.
 *
 * @param kind http, tcp, tls, dns or ping
 * @param state up, failing 1/2, firing, acknowledged, in maintenance, held by PARENT, paused, not yet checked
 * @param lastCheck when the last check started, or null
 * @param lastResult "ok" or the failure in words, e.g. "connect: connection refused", or null
 * @param latencyMs the last check's latency, or null
 * @param uptime24h the share of checks that passed in the last 24 hours (0 to 1), or null without checks
 * @param nextCheck when the next check is due (for a paused monitor, the end of its pause), or null when not watching
 * @param file the rules file it is written in
 * @param line the line of its entry there
 * @param uptime7d the share of checks that passed in the last 7 days, or null without checks
 * @param lastHour the average latency of each of the last 60 minutes in ms, oldest first, null for a minute without
 *     checks; empty when nothing was checked in the hour
 * @param runbook the monitor's runbook URL, or null
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
    int line,
    Double uptime7d,
    java.util.List<Long> lastHour,
    String runbook) {

  /** A row without a week's uptime or a latency history (heartbeats, sources). */
  public MonitorRow(String id, String kind, String state, Instant lastCheck, String lastResult, Long latencyMs,
      Double uptime24h, Instant nextCheck, String file, int line) {
    this(id, kind, state, lastCheck, lastResult, latencyMs, uptime24h, nextCheck, file, line, null, java.util.List.of(), null);
  }

  /** The same row in another state. */
  public MonitorRow withState(String newState) {
    return new MonitorRow(id, kind, newState, lastCheck, lastResult, latencyMs, uptime24h, nextCheck, file, line, uptime7d,
        lastHour, runbook);
  }

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
    out.put("uptime7d", uptime7d);
    out.put("runbook", runbook);
    return out;
  }

  private static String time(Instant at, ZoneId zone) {
    return dev.vigil.alert.AlertJson.time(at, zone); // toString() would drop ":00" seconds
  }
}
