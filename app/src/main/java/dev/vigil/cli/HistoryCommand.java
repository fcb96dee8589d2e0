package dev.vigil.cli;

import dev.vigil.alert.Alert;
import dev.vigil.store.AlertReader;
import dev.vigil.store.AlertStore;
import dev.vigil.store.HistoryQuery;
import dev.vigil.store.Page;
import dev.vigil.store.SqliteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "history", description = "List incidents, newest first, resolved ones included.")
final class HistoryCommand implements Callable<Integer> {
  @Mixin DataDirOption data;
  @Option(names = "--json", description = "Print JSON.") boolean json;
  @Option(names = "--since", paramLabel = "WHEN", description = "Only incidents since WHEN: 24h, 7d, today, yesterday, 2026-11-24, 2026-11-24T22:00.")
  String since;
  @Option(names = "--monitor", paramLabel = "ID", description = "Only this monitor.") String monitor;
  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N incidents, 1 to 10000 (default ${DEFAULT-VALUE}).")
  int limit;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Instant from = since == null ? null : Arguments.when("--since", since);
    Arguments.count("--limit", limit, 1, AlertsCommand.MAX_LIMIT);
    Path dataDir = data.existing();
    try (AlertStore store = SqliteStore.open(dataDir, Clock.systemUTC())) {
      Page<Alert> page = store.history(new HistoryQuery(from, null, monitor, null, null, null, limit, null));
      if (monitor != null && page.items().isEmpty() && unknown(store, monitor)) {
        throw Refused.problem("no monitor \"" + monitor + "\" in " + dataDir + ": no incident or check of it was recorded"
            + " (monitor ids are as in vigil alerts --all)");
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Terminal.printJson(out, page.items());
      } else if (page.items().isEmpty()) {
        out.println("No incidents.");
      } else {
        Terminal.printAlerts(out, page.items());
        if (page.next() != null) {
          out.printf("(the newest %d shown; there are more: use --limit or --since)%n", page.items().size());
        }
      }
      out.flush();
      return 0;
    }
  }

  /** Neither an incident nor a check of {@code monitor} is recorded: most likely a typo, not a healthy monitor. */
  private static boolean unknown(AlertReader store, String monitor) {
    return store.history(new HistoryQuery(null, null, monitor, null, null, null, 1, null)).items().isEmpty()
        && store.checkStats(monitor, Instant.EPOCH, Instant.now()).isEmpty();
  }
}
