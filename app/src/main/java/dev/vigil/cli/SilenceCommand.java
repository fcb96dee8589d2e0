package dev.vigil.cli;

import dev.vigil.http.Web;
import dev.vigil.policy.Silence;
import dev.vigil.rules.RuleSet;
import dev.vigil.rules.RulesLoader;
import dev.vigil.rules.SourceRule;
import dev.vigil.source.AlertmanagerSilencer;
import dev.vigil.store.IntakeStore;
import dev.vigil.store.SqliteStore;
import java.io.IOException;
import java.time.Clock;
import dev.vigil.store.PolicyStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil silence add --match KEY=VALUE... --for DURATION [--comment TEXT] | list | remove ID}. */
@Command(name = "silence", description = "Silences: hold back noise for matching alerts, e.g. during a deploy.",
    subcommands = {SilenceCommand.Add.class, SilenceCommand.ListSilences.class, SilenceCommand.Remove.class})
public final class SilenceCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: add, list or remove");
  }

  @Command(name = "add", description = "Add a silence, e.g. --match monitor=payments-api --for 30m --comment deploy.")
  static final class Add implements Callable<Integer> {
    @Mixin DataDirOption data;
    @Mixin RulesDirOption rules;
    @Option(names = "--match", paramLabel = "KEY=VALUE", required = true, arity = "1..*",
        description = "monitor=ID, severity=LEVEL or any label; different keys must all match, the same key twice matches either;"
            + " a value ending in * matches by prefix.")
    List<String> matches = new ArrayList<>();
    @Option(names = "--for", paramLabel = "DURATION", required = true, description = "How long, e.g. 30m, 2h (at most 365d).") String duration;
    @Option(names = "--comment", paramLabel = "TEXT", description = "Why, shown in reasons: silenced by #3 (deploy).") String comment;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Map<String, String> matchers = SilenceMatch.parse(matches);
      Duration d = Arguments.duration("--for", duration);
      Path dataDir = data.writable();
      RuleSet ruleSet = RulesLoader.load(rules.resolve(), System.getenv()).rules();
      SilenceMatch.unknownMonitor(matchers, ruleSet, dataDir).ifPresent(warning -> {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": warning: " + warning);
        spec.commandLine().getErr().flush();
      });
      Instant now = Instant.now();
      Silence s;
      try (PolicyStore store = PolicyStore.openMigrated(dataDir)) {
        s = store.addSilence(new Silence(0, matchers, now, now.plus(d), comment, Actor.cli()));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Silence #%d: %s until %s%n", s.id(), s.matchersText(), Terminal.time(s.ends()));
      out.flush();
      return silenceInAlertmanagers(ruleSet.sources(), s.id(), dataDir, matchers, d, out);
    }

    /** The same silence in every Alertmanager source of the rules, so their alerts stay quiet there too. */
    private int silenceInAlertmanagers(
        List<SourceRule> sources, long localId, Path dataDir, Map<String, String> matchers, Duration d, PrintWriter out) {
      if (sources.isEmpty()) return 0;
      Map<String, String> labels = new LinkedHashMap<>();
      matchers.forEach((k, v) -> labels.put(k.equals("monitor") ? "alertname" : k, v));
      int failed = 0;
      Clock clock = Clock.systemUTC();
      PrintWriter err = spec.commandLine().getErr();
      Web web = Web.create();
      try (SqliteStore store = SqliteStore.open(dataDir, clock); IntakeStore intake = IntakeStore.open(dataDir)) {
        for (SourceRule rule : sources) {
          try (AlertmanagerSilencer silencer = new AlertmanagerSilencer(rule, store, intake, web, d, clock)) {
            out.printf("Alertmanager %s: silence %s%n", rule.id(), silencer.silenceMatching(labels, d, comment));
          } catch (IOException | RuntimeException e) {
            failed++;
            err.printf("%s: Alertmanager %s: not silenced: %s (local silence #%d is in force)%n",
                spec.qualifiedName(), rule.id(), e.getMessage(), localId);
          }
        }
      }
      out.flush();
      err.flush();
      return failed == 0 ? 0 : 1;
    }
  }

  @Command(name = "list", description = "Silences in force or starting later, and the rules' maintenance windows.")
  static final class ListSilences implements Callable<Integer> {
    @Mixin DataDirOption data;
    @Mixin RulesDirOption rules;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      List<Silence> all;
      try (PolicyStore store = PolicyStore.openMigrated(data.existing())) {
        all = store.silences(Instant.now());
      }
      PrintWriter out = spec.commandLine().getOut();
      var ruleSet = RulesLoader.load(rules.resolve(), System.getenv()).rules();
      List<String[]> windows = MaintenanceLines.rows(ruleSet.maintenance(), Instant.now(),
          ruleSet.policy().zone());
      if (!windows.isEmpty()) {
        Terminal.table(out, windows);
        out.println();
      }
      if (all.isEmpty()) {
        out.println("No silences");
        out.flush();
        return 0;
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"ID", "MATCH", "FROM", "UNTIL", "BY", "COMMENT"});
      for (Silence s : all) {
        rows.add(new String[] {String.valueOf(s.id()), s.matchersText(), Terminal.time(s.starts()), Terminal.time(s.ends()), s.createdBy(), s.comment()});
      }
      Terminal.table(out, rows);
      return 0;
    }
  }

  @Command(name = "remove", description = "End a silence now.")
  static final class Remove implements Callable<Integer> {
    @Mixin DataDirOption data;
    @Parameters(index = "0", paramLabel = "ID") long id;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      boolean removed;
      try (PolicyStore store = PolicyStore.openMigrated(data.existing())) {
        removed = store.removeSilence(id);
      }
      if (!removed) throw Refused.problem("no silence #" + id);
      spec.commandLine().getOut().printf("Silence #%d removed%n", id);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
