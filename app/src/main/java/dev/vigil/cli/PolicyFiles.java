package dev.vigil.cli;

import dev.vigil.policy.Policy;
import dev.vigil.policy.PolicyParser;
import dev.vigil.rules.RulesLoader;
import dev.vigil.rules.RuleProblem;
import java.nio.file.Path;
import java.util.List;

/** The policy for commands that only need policy.yaml (time zone, overnight window, channels). */
final class PolicyFiles {
  private PolicyFiles() {}

  /** policy.yaml of the rules folder as the loader reads it; defaults when absent. Problems are for `validate`. */
  static Policy load(Path rulesDir) {
    return read(rulesDir).policy();
  }

  /** policy.yaml of the rules folder with its problems, for commands that must say why a channel is missing. */
  static PolicyParser.Result read(Path rulesDir) {
    RulesLoader.LoadResult loaded = RulesLoader.load(rulesDir, System.getenv());
    PolicyParser.Result parsed = PolicyParser.parse(loaded.rules().policy());
    List<RuleProblem> problems = RuleCheck.problems(loaded).stream()
        .filter(p -> p.file().getFileName() != null && p.file().getFileName().toString().startsWith("policy.y")).toList();
    return new PolicyParser.Result(parsed.policy(), problems);
  }
}
