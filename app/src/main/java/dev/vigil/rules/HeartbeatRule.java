package dev.vigil.rules;

import dev.vigil.config.Location;
import dev.vigil.alert.Severity;
import java.time.Duration;
import java.util.Map;

/**
 * A heartbeat: fires when no {@code POST /api/heartbeat/ID} came within {@code every} (or since the last
 * {@code cron} time) plus {@code grace}. Exactly one of {@code every} and {@code cron} is set.
 */
public record HeartbeatRule(
    String id, Duration every, String cron, Duration grace, Severity severity, Map<String, String> labels, Location where) {
  public HeartbeatRule {
    labels = Map.copyOf(labels);
  }
}
