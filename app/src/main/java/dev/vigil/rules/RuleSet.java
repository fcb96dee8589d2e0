package dev.vigil.rules;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the rules folder says, valid and defaulted.
 *
 * @param dependsOn each monitor's or heartbeat's parents ({@code dependsOn:}), known ids, no cycles; absent when none
 * @param maintenance the scheduled maintenance windows of every rules file
 * @param oncall {@code oncall:} of policy.yaml, or null: always on call
 */
public record RuleSet(
    Path dir, List<Monitor> monitors, List<HeartbeatRule> heartbeats, List<SourceRule> sources, PolicySpec policy,
    Map<String, List<String>> dependsOn, List<MaintenanceRule> maintenance, OncallSpec oncall) {
  public RuleSet {
    monitors = List.copyOf(monitors);
    heartbeats = List.copyOf(heartbeats);
    sources = List.copyOf(sources);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    dependsOn.forEach((id, parents) -> copy.put(id, List.copyOf(parents)));
    dependsOn = java.util.Collections.unmodifiableMap(copy);
    maintenance = List.copyOf(maintenance);
  }

  /** Rules without dependencies or maintenance windows. */
  public RuleSet(Path dir, List<Monitor> monitors, List<HeartbeatRule> heartbeats, List<SourceRule> sources, PolicySpec policy) {
    this(dir, monitors, heartbeats, sources, policy, Map.of(), List.of(), null);
  }

  public static RuleSet empty(Path dir) {
    return new RuleSet(dir, List.of(), List.of(), List.of(), PolicySpec.defaults());
  }
}
