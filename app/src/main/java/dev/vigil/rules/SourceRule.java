package dev.vigil.rules;

import dev.vigil.config.Location;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An external alert source, today Prometheus Alertmanager: polled at {@code interval}
 * ({@code GET /api/v2/alerts}), optionally filtered by matchers such as {@code team="payments"}.
 */
public record SourceRule(
    String id, String alertmanager, Duration interval, List<String> matchers, Map<String, String> labels, Location where) {
  public SourceRule {
    matchers = List.copyOf(matchers);
    labels = Map.copyOf(labels);
  }
}
