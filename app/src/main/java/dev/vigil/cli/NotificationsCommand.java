package dev.vigil.cli;

import dev.vigil.config.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.policy.Notification;
import dev.vigil.store.PolicyStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil notifications [--json] [--since WHEN]}: every notification decision, suppressed ones included. */
@Command(name = "notifications", description = "Every notification decision, including suppressed ones, with its reason.")
public final class NotificationsCommand implements Callable<Integer> {
  @Mixin DataDirOption data;
  @Option(names = "--json", description = "JSON: time, alertId, channel, level, outcome, reason.") boolean json;
  @Option(names = "--since", paramLabel = "WHEN", description = "From when: 24h, 7d, today, yesterday, 2026-11-24 (default 24h).")
  String since = "24h";
  @Option(names = "--limit", paramLabel = "N", description = "At most N lines, 1 to 100000 (default 10000).") int limit = 10_000;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Instant from = Arguments.when("--since", since);
    Arguments.count("--limit", limit, 1, 100_000);
    List<Notification> rows;
    try (PolicyStore store = PolicyStore.openMigrated(data.existing())) {
      rows = store.notifications(from, limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode array = Terminal.JSON.createArrayNode();
      for (Notification n : rows) {
        ObjectNode o = array.addObject();
        o.put("time", dev.vigil.alert.AlertJson.time(n.time(), Terminal.zone()));
        if (n.alertId() == null) o.putNull("alertId");
        else o.put("alertId", n.alertId());
        o.put("channel", n.channel());
        o.put("level", n.level());
        o.put("outcome", n.outcome().label());
        o.put("reason", n.reason());
      }
      out.println(Json.PRETTY.writeValueAsString(array));
      out.flush();
      return 0;
    }
    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"TIME", "ALERT", "CHANNEL", "LEVEL", "OUTCOME", "REASON"});
    for (Notification n : rows) {
      table.add(new String[] {Terminal.time(n.time()), n.alertId() == null ? "-" : "#" + n.alertId(), n.channel(), n.level(),
          n.outcome().label(), n.reason()});
    }
    Terminal.table(out, table);
    return 0;
  }
}
