package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.Alert;
import dev.vigil.alert.Severity;
import dev.vigil.policy.Notification;
import dev.vigil.policy.Outcome;
import dev.vigil.store.PolicyStore;
import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil report} over a real database written the way the engine and the notifier write it. */
class ReportCommandTest {
  @TempDir Path root;

  @Test
  void theJsonReportCountsFiresReopensSelfHealedAlarmsAndPagesPerMonitorAndNight() throws Exception {
    Path data = root.resolve("data");
    Instant t = Instant.now().minus(Duration.ofHours(30));
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC()); PolicyStore policy = PolicyStore.openMigrated(data)) {
      // chat-edge: fires, heals by itself, fires again 5 minutes later (reopened), heals again.
      Alert edge = store.transaction(tx -> tx.fire("m:chat-edge", "chat-edge", Severity.CRITICAL, "down", Map.of(), t));
      policy.record(new Notification(t.plusSeconds(2), edge.id(), "ladder", "wake", Outcome.SENT, "alarm: chat-edge still failing on a fresh check"));
      store.transaction(tx -> tx.recover("m:chat-edge", "up", t.plusSeconds(60)));
      store.transaction(tx -> tx.fire("m:chat-edge", "chat-edge", Severity.CRITICAL, "down", Map.of(), t.plusSeconds(360)));
      store.transaction(tx -> tx.recover("m:chat-edge", "up", t.plusSeconds(420)));
      // payments-api: real; acknowledged, paged, resolved by hand after 20 minutes.
      Instant p = t.plus(Duration.ofHours(2));
      Alert pay = store.transaction(tx -> tx.fire("m:payments-api", "payments-api", Severity.CRITICAL, "down", Map.of(), p));
      policy.record(new Notification(p.plusSeconds(2), pay.id(), "ladder", "wake", Outcome.SENT, "alarm: payments-api still failing on a fresh check"));
      policy.record(new Notification(p.plusSeconds(300), pay.id(), "ntfy", "wake", Outcome.SENT, "unacknowledged after 5m"));
      policy.record(new Notification(p.plusSeconds(300), pay.id(), "pushover", "wake", Outcome.FAILED, "Pushover answered HTTP 429"));
      store.acknowledge(pay.id(), null, "phone", p.plusSeconds(400));
      store.resolve(pay.id(), "fixed", "cli", p.plus(Duration.ofMinutes(20)));
    }
    Cli cli = new Cli(Cli.linuxUnder(root));

    assertThat(cli.execute("report", "--json", "--data", data.toString(), "--since", "3d")).isZero();

    JsonNode json = new ObjectMapper().readTree(cli.out.toString());
    assertThat(json.fieldNames()).toIterable().containsExactly("since", "until", "nights", "monitors");
    assertThat(json.get("monitors").toString()).isEqualTo("["
        + "{\"monitor\":\"chat-edge\",\"fires\":2,\"reopens\":1,\"flapping\":0,\"selfHealed\":1,\"alarms\":1,\"pages\":0,"
        + "\"medianMinutes\":7.0,\"suggestion\":null},"
        + "{\"monitor\":\"payments-api\",\"fires\":1,\"reopens\":0,\"flapping\":0,\"selfHealed\":0,\"alarms\":1,\"pages\":1,"
        + "\"medianMinutes\":20.0,\"suggestion\":null}]");
    int alarms = 0;
    int pages = 0;
    int forNothing = 0;
    for (JsonNode night : json.get("nights")) {
      assertThat(night.fieldNames()).toIterable().containsExactly("date", "alarms", "pages", "wokenForNothing");
      alarms += night.get("alarms").asInt();
      pages += night.get("pages").asInt();
      forNothing += night.get("wokenForNothing").asInt();
    }
    assertThat(new int[] {alarms, pages, forNothing}).containsExactly(2, 1, 1);
  }

  @Test
  void aFolderWithoutVigilDataIsRefusedAndNotCreated() {
    Path data = root.resolve("nothing-here");
    Cli cli = new Cli(Cli.linuxUnder(root));

    assertThat(cli.execute("report", "--data", data.toString())).isEqualTo(1);

    assertThat(cli.err.toString()).isEqualTo("vigil report: no Vigil data in " + data + " (start `vigil run --data " + data
        + "` first)" + System.lineSeparator());
    assertThat(Files.exists(data)).isFalse();
  }

  @Test
  void aBadSinceIsAUsageMistake() {
    Cli cli = new Cli(Cli.linuxUnder(root));
    assertThat(cli.execute("report", "--since", "soon", "--data", root.resolve("d").toString())).isEqualTo(2);
    assertThat(cli.err.toString()).isEqualTo("vigil report: --since: \"soon\" is not a time (use 24h, 7d, today, yesterday,"
        + " 2026-11-24 or 2026-11-24T22:00)" + System.lineSeparator());
  }
}
