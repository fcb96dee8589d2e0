package dev.vigil.cli;

import dev.vigil.policy.PolicyParser;
import dev.vigil.rules.RuleProblem;
import dev.vigil.rules.RuleSet;
import dev.vigil.rules.RulesLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every problem of a rules folder: the loader's (monitors, heartbeats, sources) and the policy's. */
final class RuleCheck {
  private RuleCheck() {}

  /**
   * Why {@code run} and {@code validate} refuse the folder before reading it (missing, or a file), or null. Both
   * say the same, so {@code validate} never passes a folder that {@code run} refuses.
   */
  static String unusable(Path rulesDir) {
    if (!Files.isDirectory(rulesDir)) return "rules folder " + rulesDir + " does not exist (use --rules DIR)";
    return null;
  }

  /** Why loaded rules without problems still cannot be watched, or null. */
  static String nothingToWatch(RuleSet rules) {
    if (rules.monitors().isEmpty() && rules.heartbeats().isEmpty() && rules.sources().isEmpty()) {
      return rules.dir() + " has nothing to watch: no monitors, heartbeats or sources in its *.yaml files";
    }
    return null;
  }

  static List<RuleProblem> problems(RulesLoader.LoadResult loaded) {
    List<RuleProblem> all = new ArrayList<>(loaded.problems());
    all.addAll(PolicyParser.parse(loaded.rules().policy()).problems());
    all.sort(Comparator.comparing((RuleProblem p) -> p.file().toString())
        .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
    return all;
  }
}
