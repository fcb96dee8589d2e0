package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cli.VigilCommand;
import dev.vigil.notify.AckWindow;
import dev.vigil.notify.Alarm;
import dev.vigil.policy.Policy;
import dev.vigil.rules.RulesLoader;
import dev.vigil.ui.DeskSnapshot;
import dev.vigil.ui.QuietStatus;
import dev.vigil.ui.tray.TrayState;
import dev.vigil.ui.tray.TrayTooltip;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running Vigil never falls back silently: an edit that breaks policy.yaml keeps the last good rules and policy in
 * force, and says so in {@code vigil status} and the tray; fixing the file clears it.
 */
class ReloadProblemsTest {
  static final Duration RELOAD = Watch.RULES_POLL_WITH_EVENTS.plusSeconds(5);

  @TempDir Path data;
  @TempDir Path rules;
  @TempDir Path elsewhere;

  @Test
  void aBrokenPolicyKeepsTheLastGoodOneAndIsReportedUntilFixed() throws Exception {
    Files.writeString(rules.resolve("web.yaml"), "monitors:\n  - id: web\n    url: http://127.0.0.1:9/web\n    interval: 1h\n");
    Files.writeString(rules.resolve("policy.yaml"), "timezone: UTC\nstorm: {count: 3, within: 1m}\n");
    var loaded = RulesLoader.load(rules, Map.of());
    assertThat(loaded.problems()).isEmpty();
    try (Watch watch = Watch.start(data, loaded.rules(), rules, Map.of(), 0, Clock.systemUTC(),
        new Watch.Desktop(AckWindow.LOG, Alarm.SILENT))) {
      DesktopSession desk = new DesktopSession(watch, rules, Alarm.SILENT, null, () -> {});
      Status clean = status("--json");
      assertThat(clean.exit()).isZero();
      assertThat(clean.json().path("lastReload").path("applied").asBoolean()).isTrue();
      assertThat(clean.json().path("monitors").asInt()).isEqualTo(1);
      assertThat(clean.json().path("rulesFolder").asText()).isEqualTo(rules.toAbsolutePath().toString());
      assertThat(clean.json().path("policy").toString()).isEqualTo("{\"file\":\"" + rules.resolve("policy.yaml").toAbsolutePath()
          + "\",\"zone\":\"UTC\",\"overnight\":\"22:00-08:00\",\"overnightTonight\":\"22:00-08:00\","
          + "\"quiet\":{\"on\":false,\"until\":null,\"hours\":\"off\"},\"storm\":{\"count\":3,\"within\":\"1m\"}}");
      assertThat(clean.json().path("channels").toString()).isEqualTo("[]");
      assertThat(clean.json().path("oncall").toString()).as("without oncall: always on call, as vigil oncall --json says")
          .isEqualTo("{\"onCall\":true,\"until\":null,\"next\":null,\"source\":\"always\",\"problem\":null}");
      assertThat(clean.json().path("dataFolder").asText()).isEqualTo(data.toAbsolutePath().toString());
      assertThat(clean.json().path("databaseBytes").asLong()).isPositive();
      assertThat(clean.json().path("apiPort").asInt()).isPositive();
      assertThat(tray(desk)).isEqualTo(TrayState.OK);

      Files.writeString(rules.resolve("policy.yaml"), "timezone: UTC\nstorm: {count: 1, within: banana}\n");

      await().atMost(RELOAD).until(() -> !watch.engine().lastReload().applied());
      Policy inForce = watch.engine().rules().policy();
      assertThat(inForce.storm()).as("the last good policy stays").isEqualTo(new Policy.Storm(3, Duration.ofMinutes(1)));
      Status broken = status("--json");
      assertThat(broken.exit()).as("a refused edit is a problem found").isEqualTo(1);
      assertThat(broken.json().path("lastReload").path("applied").asBoolean()).isFalse();
      assertThat(broken.json().path("lastReload").path("problems")).extracting(JsonNode::asText).containsExactly(
          rules.resolve("policy.yaml") + ":2:16: policy: field \"storm.count\": \"1\" must be a whole number from 2 to 100000",
          rules.resolve("policy.yaml") + ":2:27: policy: field \"storm.within\": \"banana\" is not a duration (use 500ms, 30s, 5m, 1h, 1d)");
      assertThat(broken.json().path("policy").path("storm").toString()).isEqualTo("{\"count\":3,\"within\":\"1m\"}");
      assertThat(tray(desk)).isEqualTo(TrayState.WARNING);
      assertThat(tooltip(desk)).isEqualTo("rules not reloaded: 2 problems, see `vigil status`");
      assertThat(status().out()).contains("NOT applied, 2 problems; the last good rules and policy stay in force\n"
          + "               " + rules.resolve("policy.yaml") + ":2:16: policy: field \"storm.count\"");

      Files.writeString(rules.resolve("policy.yaml"), "timezone: UTC\nstorm: {count: 4, within: 2m}\n");

      await().atMost(RELOAD).until(() -> watch.engine().lastReload().applied());
      assertThat(watch.engine().rules().policy().storm()).isEqualTo(new Policy.Storm(4, Duration.ofMinutes(2)));
      Status fixed = status("--json");
      assertThat(fixed.exit()).isZero();
      assertThat(fixed.json().path("lastReload").path("problems")).isEmpty();
      assertThat(tray(desk)).isEqualTo(TrayState.OK);
      assertThat(tooltip(desk)).isEqualTo("All well");
    }
    assertThat(status().out()).isEqualTo("Vigil is not running on " + data + "\n");
  }

  @Test
  void statusOfAFolderWhereNothingRunsCreatesNothing() throws Exception {
    Path none = elsewhere.resolve("never-used");
    StringWriter out = new StringWriter();
    var cli = VigilCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("status", "--json", "--data", none.toString())).isZero();
    assertThat(out.toString()).isEqualTo("{\n  \"running\" : false,\n  \"dataFolder\" : \"" + none + "\"\n}\n");
    assertThat(none).doesNotExist();
  }

  private static TrayState tray(DesktopSession desk) {
    return TrayState.of(List.of(), QuietStatus.OFF, desk.watchStatus(), Instant.now());
  }

  private static String tooltip(DesktopSession desk) {
    return TrayTooltip.of(new DeskSnapshot(List.of(), QuietStatus.OFF, desk.watchStatus(), Instant.now()), ZoneOffset.UTC);
  }

  record Status(int exit, String out, JsonNode json) {}

  private Status status(String... more) throws Exception {
    StringWriter out = new StringWriter();
    var cli = VigilCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    List<String> args = new java.util.ArrayList<>(List.of("status", "--data", data.toString()));
    args.addAll(List.of(more));
    int exit = cli.execute(args.toArray(String[]::new));
    String text = out.toString();
    return new Status(exit, text, more.length > 0 ? new ObjectMapper().readTree(text) : null);
  }
}
