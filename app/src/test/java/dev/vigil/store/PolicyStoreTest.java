package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.policy.Notification;
import dev.vigil.policy.Outcome;
import dev.vigil.policy.QuietMode;
import dev.vigil.policy.Silence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyStoreTest {
  @TempDir Path data;
  final Instant t = Instant.parse("2025-06-02T10:00:00Z");

  @Test
  void notificationsAreReadBackInTimeOrderFromASince() {
    try (PolicyStore s = PolicyStore.openMigrated(data)) {
      s.record(new Notification(t.plusSeconds(60), 7L, "ladder", "wake", Outcome.SENT, "critical overnight: wake ladder"));
      s.record(new Notification(t, null, "drill", "audio", Outcome.FAILED, "default sink is muted"));
      s.record(new Notification(t.minusSeconds(3600), 3L, "desktop", "notify", Outcome.SUPPRESSED, "quiet mode until 07:00"));
      assertThat(s.notifications(t, 100)).containsExactly(
          new Notification(t, null, "drill", "audio", Outcome.FAILED, "default sink is muted"),
          new Notification(t.plusSeconds(60), 7L, "ladder", "wake", Outcome.SENT, "critical overnight: wake ladder"));
    }
  }

  @Test
  void shiftFactsCountFiresAndAcknowledgementsSinceTheLastHandOffOrThePreviousShift() {
    try (SqliteStore alerts = SqliteStore.open(data, java.time.Clock.fixed(t, java.time.ZoneOffset.UTC));
        PolicyStore s = PolicyStore.openMigrated(data)) {
      dev.vigil.alert.Alert before = alerts.transaction(w -> w.fire("fp-old", "old", dev.vigil.alert.Severity.CRITICAL, "down",
          Map.of(), t.minusSeconds(7200)));
      s.record(new Notification(t.minusSeconds(3600), null, "desktop", "notify", Outcome.SENT,
          "hand-off: On call now until Mon 09:00; 1 open"));
      s.record(new Notification(t.minusSeconds(1800), null, "desktop", "notify", Outcome.SENT,
          "hand-off reminder: shift ends at 09:00; 1 open"));
      alerts.acknowledge(before.id(), null, "cli", t.minusSeconds(600)); // fired before the hand-off, acknowledged after
      for (int i = 0; i < 3; i++) {
        Instant at = t.plusSeconds(i * 3600L);
        dev.vigil.alert.Alert db = alerts.transaction(w -> w.fire("fp-db", "db", dev.vigil.alert.Severity.CRITICAL, "down", Map.of(), at));
        alerts.transaction(w -> w.recover(db.fingerprint(), "up", at.plusSeconds(60)));
      }
      dev.vigil.alert.Alert api = alerts.transaction(w -> w.fire("fp-api", "api", dev.vigil.alert.Severity.WARNING, "slow", Map.of(),
          t.plusSeconds(600)));
      alerts.acknowledge(api.id(), null, "desktop", t.plusSeconds(700));
      Instant until = t.plusSeconds(20_000);

      ShiftFacts facts = s.shiftFacts(null, until);
      assertThat(facts.since()).as("the last hand-off notice, not the reminder").isEqualTo(t.minusSeconds(3600));
      assertThat(facts.fired()).containsExactly(Map.entry("db", 3), Map.entry("api", 1));
      assertThat(facts.acknowledged()).containsExactly("old", "api");

      assertThat(s.shiftFacts(t.plusSeconds(650), until)).as("a later previous shift start wins")
          .isEqualTo(new ShiftFacts(t.plusSeconds(650), Map.of("db", 2), java.util.List.of("api")));
      assertThat(s.shiftFacts(t.minusSeconds(86_400), until).since()).as("an earlier one does not")
          .isEqualTo(t.minusSeconds(3600));
    }
    try (PolicyStore s = PolicyStore.openMigrated(data.resolve("empty"))) {
      assertThat(s.shiftFacts(null, t)).as("no hand-off and no earlier shift: since ever")
          .isEqualTo(new ShiftFacts(Instant.EPOCH, Map.of(), java.util.List.of()));
    }
  }

  @Test
  void silencesGetIdsAndDisappearWhenRemovedOrEnded() {
    try (PolicyStore s = PolicyStore.openMigrated(data)) {
      Silence a = s.addSilence(new Silence(0, Map.of("monitor", "payments-api"), t, t.plusSeconds(1800), "deploy", "ana"));
      Silence b = s.addSilence(new Silence(0, Map.of("team", "search"), t, t.plusSeconds(60), "", "ana"));
      assertThat(a.id()).isPositive();
      assertThat(s.silences(t)).containsExactly(a, b);
      assertThat(s.silences(t.plusSeconds(120))).containsExactly(a);
      assertThat(s.removeSilence(a.id())).isTrue();
      assertThat(s.removeSilence(a.id())).isFalse();
      assertThat(s.silences(t)).containsExactly(b);
    }
  }

  @Test
  void quietModeIsOneRowThatCanBeTurnedOff() {
    try (PolicyStore s = PolicyStore.openMigrated(data)) {
      assertThat(s.quiet()).isEmpty();
      s.setQuiet(QuietMode.untilOff());
      s.setQuiet(new QuietMode(t, QuietMode.UNTIL_MORNING));
      assertThat(s.quiet()).contains(new QuietMode(t, QuietMode.UNTIL_MORNING));
      s.clearQuiet();
      assertThat(s.quiet()).isEmpty();
    }
  }

  @Test
  void aPendingEscalationSurvivesReopeningTheFile() {
    PendingEscalation e = new PendingEscalation(42, 2, t.plusSeconds(600), "r-abc", t, null);
    try (PolicyStore s = PolicyStore.openMigrated(data)) {
      s.saveEscalation(e);
      s.saveEscalation(new PendingEscalation(43, 1, t, null, t, null));
      s.deleteEscalation(43);
    }
    try (PolicyStore s = PolicyStore.openMigrated(data)) {
      assertThat(s.escalations()).containsExactly(e);
    }
  }

  @Test
  void twoConnectionsSeeEachOthersWrites() {
    try (PolicyStore cli = PolicyStore.openMigrated(data); PolicyStore app = PolicyStore.open(data.resolve("vigil.db"))) {
      cli.setQuiet(QuietMode.untilOff());
      assertThat(app.quiet()).contains(QuietMode.untilOff());
    }
  }

  @Test
  void aWriteWaitsOutAnotherProcessHoldingTheWriteLockPastSqlitesBusyTimeout() throws Exception {
    ExecutorService otherProcess = Executors.newSingleThreadExecutor();
    try (PolicyStore s = PolicyStore.openMigrated(data);
        Connection raw = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigil.db"))) {
      CountDownLatch locked = new CountDownLatch(1);
      Future<?> holder = otherProcess.submit(() -> {
        try (Statement sql = raw.createStatement()) {
          sql.execute("BEGIN IMMEDIATE");
          sql.executeUpdate("INSERT INTO quiet (id, until, reason) VALUES (1, NULL, 'the other process')");
          locked.countDown();
          Thread.sleep(Database.BUSY_TIMEOUT_MILLIS + 1_000); // longer than SQLite alone waits
          sql.execute("COMMIT");
        }
        return null;
      });
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

      Silence added = s.addSilence(new Silence(0, Map.of("monitor", "db"), t, t.plusSeconds(60), "", "cli"));

      holder.get(20, TimeUnit.SECONDS);
      assertThat(s.silences(t)).containsExactly(added);
      assertThat(s.quiet()).contains(new QuietMode(null, "the other process"));
    } finally {
      otherProcess.shutdownNow();
    }
  }
}
