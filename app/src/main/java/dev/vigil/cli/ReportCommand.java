package dev.vigil.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.report.NoiseReport;
import dev.vigil.rules.Monitor;
import dev.vigil.rules.RulesLoader;
import dev.vigil.store.NoiseFacts;
import dev.vigil.store.SqliteStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil report [--since WHEN] [--json]}: what woke the person each night and how much of it was for nothing,
 * per monitor how noisy it was, and suggestions computed from those figures. Only reads: an absent database is an
 * empty report.
 */
@Command(name = "report", description = "The noise report: what woke you each night, per monitor its noise, and suggestions.")
final class ReportCommand implements Callable<Integer> {
  @Mixin DataDirOption data;
  @Mixin RulesDirOption rules;
  @Option(names = "--json", description = "JSON: since, until, nights [date, alarms, pages, wokenForNothing], monitors [monitor,"
      + " fires, reopens, flapping, selfHealed, alarms, pages, medianMinutes, suggestion].") boolean json;
  @Option(names = "--since", paramLabel = "WHEN", description = "From when: 7d, 24h, today, yesterday, 2026-11-24 (default 7d).")
  String since = "7d";
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Clock clock = Clock.systemUTC();
    ZoneId zone = Terminal.zone();
    Instant from = Arguments.when("--since", since);
    Instant until = clock.instant();
    Path dir = data.existing();
    NoiseFacts facts;
    try (SqliteStore store = SqliteStore.open(dir, clock)) {
      facts = store.noiseFacts(from, until);
    }
    NoiseReport.Report report = NoiseReport.of(facts, from, until, zone, confirms());
    PrintWriter out = spec.commandLine().getOut();
    if (json) out.println(Terminal.JSON.writeValueAsString(json(report, zone)));
    else text(out, report, zone);
    out.flush();
    return 0;
  }

  /** Each monitor's confirm, when the rules folder is there (it is never created here). */
  private Map<String, Integer> confirms() {
    Map<String, Integer> confirm = new HashMap<>();
    Path dir = rules.resolve();
    if (!Files.isDirectory(dir)) return confirm;
    for (Monitor m : RulesLoader.load(dir, System.getenv()).rules().monitors()) confirm.put(m.id(), m.confirm());
    return confirm;
  }

  static ObjectNode json(NoiseReport.Report r, ZoneId zone) {
    ObjectNode o = Terminal.JSON.createObjectNode();
    o.put("since", iso(r.since(), zone));
    o.put("until", iso(r.until(), zone));
    ArrayNode nights = o.putArray("nights");
    for (NoiseReport.Night n : r.nights()) {
      nights.addObject().put("date", n.date().toString()).put("alarms", n.alarms()).put("pages", n.pages())
          .put("wokenForNothing", n.wokenForNothing());
    }
    ArrayNode monitors = o.putArray("monitors");
    for (NoiseReport.MonitorRow m : r.monitors()) {
      monitors.addObject().put("monitor", m.monitor()).put("fires", m.fires()).put("reopens", m.reopens())
          .put("flapping", m.flapping()).put("selfHealed", m.selfHealed()).put("alarms", m.alarms()).put("pages", m.pages())
          .put("medianMinutes", m.medianMinutes()).put("suggestion", m.suggestion());
    }
    return o;
  }

  private static void text(PrintWriter out, NoiseReport.Report r, ZoneId zone) {
    out.println("Noise from " + Terminal.time(r.since()) + " to " + Terminal.time(r.until()));
    out.println();
    List<String[]> nights = new ArrayList<>();
    nights.add(new String[] {"NIGHT", "ALARMS", "PAGES", "WOKEN FOR NOTHING"});
    DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    for (NoiseReport.Night n : r.nights()) {
      nights.add(new String[] {day.format(n.date()), "" + n.alarms(), "" + n.pages(), "" + n.wokenForNothing()});
    }
    Terminal.table(out, nights);
    out.println();
    if (r.monitors().isEmpty()) {
      out.println("No incidents.");
      return;
    }
    List<String[]> monitors = new ArrayList<>();
    monitors.add(new String[] {"MONITOR", "FIRES", "REOPENS", "FLAPPING", "SELF-HEALED", "ALARMS", "PAGES", "MEDIAN MIN"});
    for (NoiseReport.MonitorRow m : r.monitors()) {
      monitors.add(new String[] {m.monitor(), "" + m.fires(), "" + m.reopens(), "" + m.flapping(), "" + m.selfHealed(),
          "" + m.alarms(), "" + m.pages(), String.valueOf(m.medianMinutes())});
    }
    Terminal.table(out, monitors);
    List<String> suggestions = r.monitors().stream().map(NoiseReport.MonitorRow::suggestion).filter(s -> s != null).toList();
    if (!suggestions.isEmpty()) {
      out.println();
      out.println("Suggestions:");
      suggestions.forEach(s -> out.println("  " + s));
    }
  }

  private static String iso(Instant t, ZoneId zone) {
    return dev.vigil.alert.AlertJson.time(t, zone);
  }
}
