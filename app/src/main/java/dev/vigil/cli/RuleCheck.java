package dev.vigil.cli;

import dev.vigil.policy.PolicyParser;
import dev.vigil.rules.RuleProblem;
import dev.vigil.rules.RulesLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every problem of a rules folder: the loader's (monitors, heartbeats, sources) and the policy's. */
final class RuleCheck {
  private RuleCheck() {}

  static List<RuleProblem> problems(RulesLoader.LoadResult loaded) {
    List<RuleProblem> all = new ArrayList<>(loaded.problems());
    all.addAll(PolicyParser.parse(loaded.rules().policy()).problems());
    all.sort(Comparator.comparing((RuleProblem p) -> p.file().toString())
        .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
    return all;
  }
}
