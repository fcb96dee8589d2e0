package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.vigil.api.ApiClient;
import dev.vigil.api.ApiPortFile;
import dev.vigil.engine.MonitorBoard;
import dev.vigil.engine.MonitorRow;
import dev.vigil.rules.RulesLoader;
import dev.vigil.store.AlertStore;
import dev.vigil.store.SqliteStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigil monitors}: the board on the command line. From the running Vigil (its local API) when one watches
 * the data folder; otherwise from the rules folder and the database, read only: nothing is created.
 */
@Command(
    name = "monitors",
    description = "Every monitor with its state, last check, latency, uptime over 24 h and next check.")
final class MonitorsCommand implements Callable<Integer> {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Mixin DataDirOption data;
  @Mixin RulesDirOption rules;
  @Option(names = "--json", description = "Print JSON.") boolean json;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path dataDir = data.resolve();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ArrayNode board = fromRunning(dataDir).orElse(null);
    String note = null;
    if (board == null) {
      Path dir = rules.resolve();
      if (!Files.isDirectory(dir)) {
        err.println("vigil monitors: no rules folder " + dir + " and no Vigil running on " + dataDir);
        err.flush();
        return 1;
      }
      RulesLoader.LoadResult loaded = RulesLoader.load(dir, System.getenv());
      if (!loaded.ok()) {
        err.println("vigil monitors: " + loaded.problems().size() + " problem(s) in " + dir + " (see vigil validate);"
            + " showing the valid monitors");
      }
      board = Terminal.JSON.createArrayNode();
      Optional<AlertStore> store = SqliteStore.openExisting(dataDir);
      try {
        for (MonitorRow row : MonitorBoard.fromStore(loaded.rules(), store.orElse(null), Instant.now())) {
          board.add(Terminal.JSON.valueToTree(row.toJson(Terminal.zone())));
        }
      } finally {
        store.ifPresent(AlertStore::close);
      }
      note = "Vigil is not running on " + dataDir + ": the last checks are from its database, by the minute.";
    }
    if (json) {
      out.println(Terminal.JSON.writeValueAsString(board));
    } else if (board.isEmpty()) {
      out.println("No monitors.");
    } else {
      table(out, board);
      if (note != null) out.println(note);
    }
    out.flush();
    err.flush();
    return 0;
  }

  private static Optional<ArrayNode> fromRunning(Path dataDir) {
    Optional<ApiClient> running = ApiPortFile.runningInstance(dataDir);
    if (running.isEmpty()) return Optional.empty();
    try {
      ApiClient.Response r = running.get().get("/api/monitors");
      if (!r.ok()) return Optional.empty();
      JsonNode body = Terminal.JSON.readTree(r.body());
      return body instanceof ArrayNode array ? Optional.of(array) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // it went away: read the database instead
    }
  }

  private static void table(PrintWriter out, ArrayNode board) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "KIND", "STATE", "LAST CHECK", "LATENCY", "UPTIME 24H", "NEXT", "RESULT"});
    for (JsonNode m : board) {
      rows.add(new String[] {
        m.path("id").asText(), m.path("kind").asText(), m.path("state").asText(), time(m.path("lastCheck")),
        m.path("latencyMs").isNumber() ? m.path("latencyMs").asLong() + "ms" : "-",
        m.path("uptime24h").isNumber() ? String.format(java.util.Locale.ROOT, "%.2f%%", 100 * m.path("uptime24h").asDouble()) : "-",
        time(m.path("nextCheck")),
        m.path("lastResult").isTextual() ? m.path("lastResult").asText() : "-"
      });
    }
    Terminal.table(out, rows);
  }

  /** "22:41:03" today, "2026-11-24 22:41" on another day, "-" for none. */
  private static String time(JsonNode value) {
    if (!value.isTextual()) return "-";
    var local = OffsetDateTime.parse(value.asText()).atZoneSameInstant(Terminal.zone());
    return local.toLocalDate().equals(LocalDate.now(Terminal.zone())) ? CLOCK.format(local) : DAY_AND_TIME.format(local);
  }
}
