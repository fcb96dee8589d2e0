package dev.vigil.cli;

import dev.vigil.alert.Alert;
import dev.vigil.store.AlertStore;
import dev.vigil.store.HistoryQuery;
import dev.vigil.store.SqliteStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "alerts", description = "List open alerts (with --all, the latest resolved ones too).")
final class AlertsCommand implements Callable<Integer> {
  static final int MAX_LIMIT = 10_000;
  @Mixin DataDirOption data;
  @Option(names = "--json", description = "Print JSON.") boolean json;
  @Option(names = "--all", description = "Include resolved alerts.") boolean all;
  @Option(names = "--limit", paramLabel = "N", defaultValue = "200", description = "With --all, at most N alerts, 1 to 10000 (default ${DEFAULT-VALUE}).")
  int limit;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Arguments.count("--limit", limit, 1, MAX_LIMIT);
    try (AlertStore store = SqliteStore.open(data.existing(), Clock.systemUTC())) {
      List<Alert> alerts = all ? store.history(HistoryQuery.latest(limit)).items() : store.openAlerts();
      var out = spec.commandLine().getOut();
      if (json) Terminal.printJson(out, alerts);
      else if (alerts.isEmpty()) out.println(all ? "No alerts yet." : "No open alerts.");
      else Terminal.printAlerts(out, alerts);
      out.flush();
      return 0;
    }
  }
}
