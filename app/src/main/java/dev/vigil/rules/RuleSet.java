package dev.vigil.rules;

import dev.vigil.policy.Policy;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the rules folder says, valid and defaulted: the one configuration value.
 *
 * @param policyFile the policy.yaml it was read from, or null when there is none (the policy is then the defaults)
 */
public record RuleSet(
    Path dir, List<Monitor> monitors, List<HeartbeatRule> heartbeats, List<SourceRule> sources, Policy policy,
    Path policyFile) {
  public RuleSet {
    monitors = List.copyOf(monitors);
    heartbeats = List.copyOf(heartbeats);
    sources = List.copyOf(sources);
  }

  public static RuleSet empty(Path dir) {
    return new RuleSet(dir, List.of(), List.of(), List.of(), PolicyReader.defaults(), null);
  }
}
