package dev.vigil.cli;

import dev.vigil.config.RuleProblem;
import dev.vigil.policy.Policy;
import dev.vigil.rules.RuleSet;
import dev.vigil.rules.RulesLoader;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** The policy for commands that only need policy.yaml (time zone, overnight window, channels). */
final class PolicyFiles {
  private PolicyFiles() {}

  /**
   * policy.yaml of the rules folder as the loader reads it; defaults when absent. Problems in it are not silent:
   * the command says how many there are, and that the defaults stand for those fields.
   */
  static Policy load(CommandSpec spec, Path rulesDir) {
    Read read = read(rulesDir);
    List<RuleProblem> inPolicy = read.problems();
    if (!inPolicy.isEmpty()) {
      spec.commandLine().getErr().printf("vigil: %s has %d problem%s (see `vigil validate`); the defaults stand for %s%n",
          inPolicy.get(0).file(), inPolicy.size(), inPolicy.size() == 1 ? "" : "s", inPolicy.size() == 1 ? "that field" : "those fields");
      spec.commandLine().getErr().flush();
    }
    return read.policy();
  }

  /** policy.yaml as the loader reads it, and its own problems (none of the other rules files'). */
  record Read(Policy policy, List<RuleProblem> problems) {}

  /** policy.yaml of the rules folder with its problems, for commands that must say why a channel is missing. */
  static Read read(Path rulesDir) {
    RulesLoader.LoadResult loaded = RulesLoader.load(rulesDir, System.getenv());
    RuleSet rules = loaded.rules();
    List<RuleProblem> inPolicy = rules.policyFile() == null ? List.of()
        : loaded.problems().stream().filter(p -> p.file().equals(rules.policyFile())).toList();
    return new Read(rules.policy(), inPolicy);
  }


}
