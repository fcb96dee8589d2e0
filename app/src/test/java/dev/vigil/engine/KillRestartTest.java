package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.fleet.LoopbackFleet;
import dev.vigil.fleet.LoopbackFleet.Behaviour;
import dev.vigil.store.HistoryQuery;
import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child {@code vigil run --headless} killed with SIGKILL mid-work, then restarted: nothing lost, nothing doubled. */
class KillRestartTest {
  @TempDir Path data;
  @TempDir Path rules;

  @Test
  void killingVigilWithSigkillDuplicatesNothingAndKeepsTheAcknowledgement() throws Exception {
    try (LoopbackFleet fleet = LoopbackFleet.start()) {
      fleet.set("payments", Behaviour.DOWN);
      Files.writeString(rules.resolve("fleet.yaml"), """
          monitors:
            - id: payments
              url: %s
              interval: 1s
              timeout: 1s
              confirm: 2
          """.formatted(fleet.url("payments")));

      Process child = start();
      Alert fired;
      try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
        try {
          fired = await().atMost(Duration.ofSeconds(20)).until(store::openAlerts, l -> l.size() == 1).get(0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          dumpChildLog();
          throw e;
        }
        store.acknowledge(fired.id(), "on it", "test", Instant.now());
      }
      for (int round = 0; round < 3; round++) {
        long before = count(fired.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> count(fired.id()) > before + 1);
        child.destroyForcibly().waitFor();
        child = start();
      }
      long before = count(fired.id());
      await().atMost(Duration.ofSeconds(20)).until(() -> count(fired.id()) > before);
      child.destroyForcibly().waitFor();

      try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
        List<Alert> all = store.history(HistoryQuery.latest(10)).items();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(store.timeline(fired.id())).extracting(e -> e.kind()).containsExactly("fired", "acknowledged");
      }
      try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigil.db"));
          ResultSet rs = db.createStatement().executeQuery("PRAGMA integrity_check")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("ok");
      }
    }
  }

  private void dumpChildLog() {
    try {
      System.err.println("child log:\n" + Files.readString(data.resolve("child.log")));
    } catch (java.io.IOException e) {
      System.err.println("no child log: " + e);
    }
  }

  private long count(long id) {
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      return store.find(id).orElseThrow().count();
    }
  }

  private Process start() throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classpath);
    command.add("-Xmx128m");
    command.add("dev.vigil.Main");
    command.addAll(List.of("run", "--headless", "--data", data.toString(), "--rules", rules.toString(), "--api-port", "0"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(data.resolve("child.log").toFile())
        .start();
  }
}
