package dev.vigil.cli;

import dev.vigil.config.RuleProblem;
import dev.vigil.rules.RulesFolder;
import dev.vigil.rules.RulesLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "validate",
    description = "Check the rules folder. Exit 0 when valid, else 1 with one FILE:LINE:COL: message line per problem.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin DataDirOption data;
  @Mixin RulesDirOption rules;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Path dir = rules.resolve();
    String unusable = RulesFolder.unusable(dir);
    if (unusable != null) throw Refused.problem(unusable);
    RulesLoader.LoadResult result = RulesLoader.load(dir, System.getenv());
    var problems = result.problems();
    if (!problems.isEmpty()) {
      for (RuleProblem p : problems) spec.commandLine().getErr().println(p.format());
      spec.commandLine().getErr().flush();
      return 1;
    }
    var set = result.rules();
    String empty = RulesFolder.nothingToWatch(set);
    if (empty != null) throw Refused.problem(empty);
    spec.commandLine().getOut().printf(
        "%s: ok (%d monitors, %d heartbeats, %d sources)%n",
        dir, set.monitors().size(), set.heartbeats().size(), set.sources().size());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
