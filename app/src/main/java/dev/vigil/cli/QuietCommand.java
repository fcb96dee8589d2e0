package dev.vigil.cli;

import dev.vigil.policy.OvernightWindow;
import dev.vigil.policy.Policy;
import dev.vigil.policy.QuietMode;
import dev.vigil.policy.Times;
import dev.vigil.store.PolicyStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil quiet on [--for DURATION|--until-morning] | off | status}. */
@Command(name = "quiet", description = "Quiet mode: no sound and no pop-ups (breakthrough monitors still wake you).",
    subcommands = {QuietCommand.On.class, QuietCommand.Off.class, QuietCommand.Status.class})
public final class QuietCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: on, off or status");
  }

  @Command(name = "on", description = "Turn quiet mode on: until turned off, for a while, or until morning.")
  static final class On implements Callable<Integer> {
    @Mixin DataDirOption data;
    @Mixin RulesDirOption rules;
    @Option(names = "--for", paramLabel = "DURATION", description = "For how long, e.g. 30m, 1h (at most 365d).") String duration;
    @Option(names = "--until-morning", description = "Until the overnight window ends.") boolean untilMorning;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if (duration != null && untilMorning) {
        throw Refused.usage("--for and --until-morning cannot be used together (pick one)");
      }
      Instant now = Instant.now();
      QuietMode q;
      Duration length = duration == null ? null : Arguments.duration("--for", duration);
      Path dataDir = data.writable();
      Policy policy = PolicyFiles.load(spec, rules.resolve());
      if (length != null) {
        q = QuietMode.forDuration(length, now);
      } else if (untilMorning) {
        q = QuietMode.untilMorning(now, policy.overnight(), policy.zone());
      } else {
        q = QuietMode.untilOff();
      }
      try (PolicyStore store = PolicyStore.openMigrated(dataDir)) {
        store.setQuiet(q);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("Quiet mode on: " + q.describe(now, policy.zone()).replaceFirst("^quiet mode ", ""));
      out.flush();
      return 0;
    }
  }

  @Command(name = "off", description = "Turn quiet mode off (a summary of what it held back is shown).")
  static final class Off implements Callable<Integer> {
    @Mixin DataDirOption data;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (PolicyStore store = PolicyStore.openMigrated(data.existing())) {
        store.clearQuiet();
      }
      spec.commandLine().getOut().println("Quiet mode off");
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "status", description = "Is quiet mode on, and until when?")
  static final class Status implements Callable<Integer> {
    @Mixin DataDirOption data;
    @Mixin RulesDirOption rules;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Instant now = Instant.now();
      Path dataDir = data.existing();
      Policy policy = PolicyFiles.load(spec, rules.resolve());
      Optional<QuietMode> manual;
      try (PolicyStore store = PolicyStore.openMigrated(dataDir)) {
        manual = store.quiet();
      }
      Optional<QuietMode> q = QuietMode.effective(manual.orElse(null), policy, now);
      PrintWriter out = spec.commandLine().getOut();
      if (q.isEmpty()) {
        out.println("Quiet mode off");
        OvernightWindow hours = policy.quietHours();
        hours.currentOrNext(now, policy.zone()).ifPresent(o ->
            out.println("Next quiet hours: " + Times.clock(o.opens(), now, policy.zone()) + "-" + Times.clock(o.closes(), now, policy.zone())));
      } else {
        out.println("Quiet mode on: " + q.get().describe(now, policy.zone()).replaceFirst("^quiet mode ", ""));
      }
      out.flush();
      return 0;
    }
  }
}
