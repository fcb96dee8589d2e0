package dev.vigil.rules;

import dev.vigil.policy.MaintenanceRule;
import dev.vigil.policy.OncallSpec;
import dev.vigil.policy.Policy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the rules folder says, valid and defaulted: the one configuration value.
 *
 * @param policyFile the policy.yaml it was read from, or null when there is none (the policy is then the defaults)
 * @param dependsOn each monitor's or heartbeat's parents ({@code dependsOn:}), known ids, no cycles; absent when none
 * @param maintenance the scheduled maintenance windows of every rules file
 * @param oncall {@code oncall:} of policy.yaml, or null: always on call
 */
public record RuleSet(
    Path dir, List<Monitor> monitors, List<HeartbeatRule> heartbeats, List<SourceRule> sources, Policy policy,
    Path policyFile, Map<String, List<String>> dependsOn, List<MaintenanceRule> maintenance, OncallSpec oncall) {
  public RuleSet {
    monitors = List.copyOf(monitors);
    heartbeats = List.copyOf(heartbeats);
    sources = List.copyOf(sources);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    dependsOn.forEach((id, parents) -> copy.put(id, List.copyOf(parents)));
    dependsOn = java.util.Collections.unmodifiableMap(copy);
    maintenance = List.copyOf(maintenance);
  }

  /** Rules without dependencies, maintenance windows or shifts. */
  public RuleSet(Path dir, List<Monitor> monitors, List<HeartbeatRule> heartbeats, List<SourceRule> sources, Policy policy,
      Path policyFile) {
    this(dir, monitors, heartbeats, sources, policy, policyFile, Map.of(), List.of(), null);
  }

  public static RuleSet empty(Path dir) {
    return new RuleSet(dir, List.of(), List.of(), List.of(), PolicyReader.defaults(), null);
  }
}
