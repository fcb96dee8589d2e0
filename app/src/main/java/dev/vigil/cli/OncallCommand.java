package dev.vigil.cli;

import dev.vigil.policy.OnCall;
import dev.vigil.rules.RuleSet;
import dev.vigil.rules.RulesLoader;
import dev.vigil.shift.Shifts;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil oncall [--json]}: whether the person is on call now, until when, the next shift, where that comes from
 * and what is wrong with it. A calendar is fetched now (nothing is written); when it cannot be, the running Vigil's
 * last good copy in the data folder answers, and the problem is said. Exit 1 when there is a problem.
 */
@Command(name = "oncall", description = "Whether you are on call now, until when, and the next shift (from oncall: in policy.yaml).")
final class OncallCommand implements Callable<Integer> {
  @Mixin DataDirOption data;
  @Mixin RulesDirOption rules;
  @Option(names = "--json", description = "Print JSON: {onCall, until, next, source, problem}.") boolean json;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    RuleSet ruleSet = RulesLoader.load(rules.resolve(), System.getenv()).rules();
    ZoneId zone = ruleSet.policy().zone();
    Clock clock = Clock.systemUTC();
    OnCall onCall = Shifts.of(ruleSet.oncall(), zone, data.resolve(), clock);
    OnCall.Status s = onCall.at(clock.instant());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(dev.vigil.config.Json.MAPPER.writeValueAsString(s.toJson(zone)));
    } else {
      String line = OnCall.describe(s, zone);
      out.println(Character.toUpperCase(line.charAt(0)) + line.substring(1) + " (" + s.source() + ")");
      if (s.problem() != null) out.println("Problem: " + s.problem());
    }
    out.flush();
    return s.problem() == null ? 0 : 1;
  }
}
