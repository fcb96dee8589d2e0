package dev.vigil.cli;

import dev.vigil.config.Json;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.api.ApiClient;
import dev.vigil.api.ApiPortFile;
import dev.vigil.os.DataDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigil status [--json]}: asks the Vigil running on the data folder (found through {@code DATA/api-port}, with
 * the token of {@code DATA/api-token}) what it watches and whether its last reload of the rules was applied. Only
 * reads: no folder, database or lock is created.
 */
@Command(
    name = "status",
    description = {
      "What the running Vigil watches: since when, the rules folder and its counts, the last reload and its problems,"
          + " the policy in force, channels, API port and data folder.",
      "Exit 0 when it watches and its last reload was applied, and when no Vigil runs on the data folder (it says so);"
          + " 1 when it is not watching, its last rules edit was refused, or it could not be asked."})
final class StatusCommand implements Callable<Integer> {
  @Mixin DataDirOption data;
  @Option(names = "--json", description = "Print JSON.") boolean json;
  @Spec CommandSpec spec;
  @ParentCommand VigilCommand root;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dataDir = data.resolve(root == null ? DataDirs.current() : root.dirs());
    Optional<ApiClient> running = ApiPortFile.runningInstance(dataDir);
    if (running.isEmpty()) {
      if (json) {
        var node = Terminal.JSON.createObjectNode().put("running", false).put("dataFolder", dataDir.toAbsolutePath().toString());
        out.println(Json.PRETTY.writeValueAsString(node));
      } else {
        out.printf("Vigil is not running on %s%n", dataDir);
      }
      out.flush();
      return 0;
    }
    JsonNode status;
    try {
      ApiClient.Response r = running.get().get("/api/status");
      if (!r.ok()) {
        err.printf("vigil status: the running Vigil answered HTTP %d: %s%n", r.status(), r.body());
        err.flush();
        return 1;
      }
      status = Terminal.JSON.readTree(r.body());
    } catch (IOException e) {
      err.printf("vigil status: cannot ask the running Vigil on %s: %s%n", dataDir, e.getMessage());
      err.flush();
      return 1;
    }
    if (json) out.println(Json.PRETTY.writeValueAsString(status));
    else print(out, status);
    out.flush();
    boolean well = status.path("watching").asBoolean() && status.path("lastReload").path("applied").asBoolean();
    return well ? 0 : 1;
  }

  private static void print(PrintWriter out, JsonNode s) {
    out.println(s.path("watching").asBoolean()
        ? "Vigil is watching since " + time(s.path("since"))
        : "Vigil runs but is NOT watching: " + s.path("reason").asText());
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"rules", s.path("rulesFolder").asText() + " (" + count(s, "monitors", "monitor") + ", "
        + count(s, "heartbeats", "heartbeat") + ", " + count(s, "sources", "source") + ")"});
    JsonNode reload = s.path("lastReload");
    JsonNode problems = reload.path("problems");
    rows.add(new String[] {"last reload", time(reload.path("at")) + (reload.path("applied").asBoolean() ? ": applied"
        : ": NOT applied, " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
            + "; the last good rules and policy stay in force")});
    for (JsonNode p : problems) rows.add(new String[] {"", p.asText()});
    JsonNode policy = s.path("policy");
    JsonNode quiet = policy.path("quiet");
    rows.add(new String[] {"policy", (policy.path("file").isNull() ? "defaults (no policy.yaml)" : policy.path("file").asText())});
    String tonight = policy.path("overnightTonight").asText();
    String overnight = policy.path("overnight").asText();
    rows.add(new String[] {"", "zone " + policy.path("zone").asText() + "; overnight tonight " + tonight
        + (overnight.equals(tonight) ? "" : " (" + overnight + ")")});
    rows.add(new String[] {"", "quiet " + (quiet.path("on").asBoolean()
        ? "on" + (quiet.path("until").isNull() ? "" : " until " + time(quiet.path("until"))) : "off")
        + " (scheduled: " + quiet.path("hours").asText() + "); storm " + policy.path("storm").path("count").asInt()
        + " alerts within " + policy.path("storm").path("within").asText()});
    JsonNode oncall = s.path("oncall");
    if (!oncall.isMissingNode() && !"always".equals(oncall.path("source").asText())) {
      rows.add(new String[] {"on call", (oncall.path("onCall").asBoolean() ? "yes, until " + time(oncall.path("until"))
          : "no, next shift " + time(oncall.path("next"))) + " (" + oncall.path("source").asText() + ")"
          + (oncall.path("problem").isNull() ? "" : "; " + oncall.path("problem").asText())});
    }
    List<String> channels = new ArrayList<>();
    s.path("channels").forEach(c -> channels.add(c.asText()));
    rows.add(new String[] {"channels", channels.isEmpty() ? "desktop only" : "desktop, " + String.join(", ", channels)});
    rows.add(new String[] {"local API", "127.0.0.1:" + s.path("apiPort").asInt()});
    rows.add(new String[] {"data", s.path("dataFolder").asText() + " (database " + Terminal.bytes(s.path("databaseBytes").asLong()) + ")"});
    for (String[] row : rows) out.println("  " + row[0] + " ".repeat(13 - row[0].length()) + row[1]);
  }

  private static String count(JsonNode s, String field, String one) {
    int n = s.path(field).asInt();
    return n + " " + one + (n == 1 ? "" : "s");
  }

  private static String time(JsonNode iso) {
    return iso.isNull() || iso.isMissingNode() ? "-" : Terminal.time(OffsetDateTime.parse(iso.asText()).toInstant());
  }
}
