package dev.vigil.engine;

import dev.vigil.config.RuleProblem;
import java.time.Instant;
import java.util.List;

/**
 * The last time the rules folder was read while watching, and what was wrong with it. With problems, nothing of
 * that edit was applied: the last good rules and policy stay in force until a later edit reads clean.
 *
 * @param at when it was read (the start, before any edit)
 * @param problems empty when the edit was applied
 */
public record Reload(Instant at, List<RuleProblem> problems) {
  public Reload {
    problems = List.copyOf(problems);
  }

  public boolean applied() {
    return problems.isEmpty();
  }
}
