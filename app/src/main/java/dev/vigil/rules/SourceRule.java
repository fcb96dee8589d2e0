package dev.vigil.rules;

import dev.vigil.config.Location;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An external alert source, today Prometheus Alertmanager: polled at {@code interval}
 * ({@code GET /api/v2/alerts}), optionally filtered by matchers such as {@code team="payments"}.
 *
 * @param dependsOnMatch which of its alerts its {@code dependsOn} parents hold back (labels, as silences match); empty:
 *     all of them
 */
public record SourceRule(
    String id, String alertmanager, Duration interval, List<String> matchers, Map<String, String> labels, Location where,
    Map<String, String> dependsOnMatch) {
  public SourceRule {
    matchers = List.copyOf(matchers);
    labels = Map.copyOf(labels);
    dependsOnMatch = Map.copyOf(dependsOnMatch);
  }

  public SourceRule(String id, String alertmanager, Duration interval, List<String> matchers, Map<String, String> labels,
      Location where) {
    this(id, alertmanager, interval, matchers, labels, where, Map.of());
  }

  /** The key of its alerts' parents in {@link RuleSet#dependsOn()}: the {@code source} its alerts carry. */
  public String dependencyKey() {
    return "alertmanager:" + id;
  }
}
