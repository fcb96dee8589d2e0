package dev.vigil.rules;

import java.nio.file.Path;
import java.util.List;

/** Everything the rules folder says, valid and defaulted. */
public record RuleSet(
    Path dir, List<Monitor> monitors, List<HeartbeatRule> heartbeats, List<SourceRule> sources, PolicySpec policy) {
  public RuleSet {
    monitors = List.copyOf(monitors);
    heartbeats = List.copyOf(heartbeats);
    sources = List.copyOf(sources);
  }

  public static RuleSet empty(Path dir) {
    return new RuleSet(dir, List.of(), List.of(), List.of(), PolicySpec.defaults());
  }
}
