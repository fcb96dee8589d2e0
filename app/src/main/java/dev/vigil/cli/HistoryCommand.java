package dev.vigil.cli;

import dev.vigil.store.AlertStore;
import dev.vigil.store.HistoryQuery;
import dev.vigil.store.SqliteStore;
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
  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N incidents (default ${DEFAULT-VALUE}).")
  int limit;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Instant from = null;
    if (since != null) {
      try {
        from = When.parse(since, Clock.systemUTC(), Terminal.zone());
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("vigil history: --since: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return 2;
      }
    }
    if (limit < 1) {
      spec.commandLine().getErr().println("vigil history: --limit must be at least 1");
      spec.commandLine().getErr().flush();
      return 2;
    }
    try (AlertStore store = SqliteStore.open(data.resolve(), Clock.systemUTC())) {
      var page = store.history(new HistoryQuery(from, null, monitor, null, null, null, limit, null));
      var out = spec.commandLine().getOut();
      if (json) Terminal.printJson(out, page.items());
      else if (page.items().isEmpty()) out.println("No incidents.");
      else Terminal.printAlerts(out, page.items());
      out.flush();
      return 0;
    }
  }
}
