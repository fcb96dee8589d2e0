package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
  static final Instant T0 = Instant.parse("2026-03-29T00:30:00Z");
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  @TempDir Path dir;
  SqliteStore store;

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir, CLOCK);
  }

  @AfterEach
  void close() {
    store.close();
  }

  Alert fire(String fingerprint, String summary, Instant at) {
    return store.transaction(w -> w.fire(fingerprint, "payments-api", Severity.CRITICAL, summary, Map.of("team", "payments"), at));
  }

  @Test
  void firingTwiceFoldsIntoOneOpenAlertWithCountTwo() {
    Alert first = fire("fp1", "status (503) == 200", T0);
    Alert second = fire("fp1", "status (502) == 200", T0.plusSeconds(30));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.count()).isEqualTo(2);
    assertThat(second.firstSeen()).isEqualTo(T0);
    assertThat(second.lastSeen()).isEqualTo(T0.plusSeconds(30));
    assertThat(second.summary()).isEqualTo("status (502) == 200");
    assertThat(second.labels()).containsEntry("team", "payments");
    assertThat(store.openAlerts()).containsExactly(second);
    assertThat(store.timeline(first.id())).containsExactly(new AlertEvent(first.id(), T0, "fired", "status (503) == 200", "engine"));
  }

  @Test
  void repeatFoldsIntoTheOpenAlertAndIsEmptyWhenNoneIsOpen() {
    Alert fired = fire("fp1", "down", T0);

    Alert repeated = store.transaction(w -> w.repeat("fp1", "still down", T0.plusSeconds(30))).orElseThrow();

    assertThat(repeated.id()).isEqualTo(fired.id());
    assertThat(repeated.count()).isEqualTo(2);
    assertThat(repeated.summary()).isEqualTo("still down");
    Optional<Alert> none = store.transaction(w -> w.repeat("other", "down", T0));
    assertThat(none).isEmpty();
  }

  @Test
  void foldCountsARepeatWithoutReadingItBackAndIsFalseWhenNoneIsOpen() {
    Alert fired = fire("fp1", "down", T0);

    boolean folded = store.transaction(w -> w.fold("fp1", "still down", T0.plusSeconds(30)));
    boolean none = store.transaction(w -> w.fold("other", "down", T0));

    assertThat(folded).isTrue();
    assertThat(none).isFalse();
    Alert open = store.openAlerts().get(0);
    assertThat(open.id()).isEqualTo(fired.id());
    assertThat(open.count()).isEqualTo(2);
    assertThat(open.lastSeen()).isEqualTo(T0.plusSeconds(30));
    assertThat(open.summary()).isEqualTo("still down");
    assertThat(store.openAlerts()).hasSize(1);
  }

  @Test
  void firingWithinReopenWithinOfTheRecoveryReopensTheSameAlert() {
    Alert first = fire("fp1", "down", T0);
    Alert recovered = store.transaction(w -> w.recover("fp1", "status 200 again", T0.plusSeconds(60))).orElseThrow();
    Alert again = fire("fp1", "down again", T0.plusSeconds(120));

    assertThat(recovered.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(recovered.resolvedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.state()).isEqualTo(AlertState.FIRING);
    assertThat(again.resolvedAt()).isNull();
    assertThat(again.reopens()).isEqualTo(1);
    assertThat(again.count()).isEqualTo(2);
    assertThat(store.openAlerts()).extracting(Alert::id).containsExactly(first.id());
    assertThat(store.timeline(first.id())).extracting(AlertEvent::kind, AlertEvent::note, AlertEvent::actor)
        .containsExactly(
            tuple("fired", "down", "engine"),
            tuple("resolved", "status 200 again", "engine"),
            tuple("reopened", "reopen 1: down again", "engine"));
  }

  @Test
  void firingLaterThanReopenWithinAfterTheRecoveryOpensANewAlert() {
    store.reopenWithin(Duration.ofSeconds(30));
    Alert first = fire("fp1", "down", T0);
    store.transaction(w -> w.recover("fp1", "status 200 again", T0.plusSeconds(60)));
    Alert second = fire("fp1", "down again", T0.plusSeconds(120));

    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(second.count()).isEqualTo(1);
    assertThat(second.reopens()).isZero();
    assertThat(store.openAlerts()).extracting(Alert::id).containsExactly(second.id());
    Optional<Alert> secondRecovered = store.transaction(w -> w.recover("fp1", "x", T0.plusSeconds(180)));
    Optional<Alert> noneOpen = store.transaction(w -> w.recover("fp1", "x", T0.plusSeconds(240)));
    assertThat(secondRecovered.map(Alert::id)).contains(second.id());
    assertThat(noneOpen).isEmpty();
  }

  @Test
  void twoProcessesFiringAfterARecoveryReopenOneAlertBetweenThem() {
    Alert first = fire("fp1", "down", T0);
    store.transaction(w -> w.recover("fp1", "up", T0.plusSeconds(60)));
    try (SqliteStore other = SqliteStore.open(dir, CLOCK)) {
      Alert here = fire("fp1", "down again", T0.plusSeconds(70));
      Alert there = other.transaction(w -> w.fire("fp1", "payments-api", Severity.CRITICAL, "down there", Map.of(), T0.plusSeconds(71)));

      assertThat(here.id()).isEqualTo(first.id());
      assertThat(there.id()).isEqualTo(first.id());
      assertThat(there.reopens()).as("the second fire folded into the reopened alert").isEqualTo(1);
      assertThat(there.count()).isEqualTo(3);
      assertThat(other.history(HistoryQuery.latest(10)).items()).hasSize(1);
    }
  }

  @Test
  void anAlertAcknowledgedBeforeItResolvedReopensAcknowledged() {
    long id = fire("fp1", "down", T0).id();
    store.acknowledge(id, null, "tray", T0.plusSeconds(5));
    store.transaction(w -> w.recover("fp1", "up", T0.plusSeconds(60)));

    Alert again = fire("fp1", "down again", T0.plusSeconds(70));

    assertThat(again.id()).isEqualTo(id);
    assertThat(again.state()).isEqualTo(AlertState.ACKNOWLEDGED);
    assertThat(again.acknowledgedAt()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void theDatabaseRejectsASecondOpenAlertForAFingerprintEvenThroughRawSql() throws SQLException {
    fire("fp1", "down", T0);

    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + store.database());
        Statement sql = raw.createStatement()) {
      assertThatThrownBy(() -> sql.executeUpdate(
              "INSERT INTO alerts (fingerprint, monitor, severity, state, first_seen, last_seen) "
                  + "VALUES ('fp1', 'payments-api', 'critical', 'acknowledged', 1, 1)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("UNIQUE constraint failed: alerts.fingerprint");
      sql.executeUpdate("INSERT INTO alerts (fingerprint, monitor, severity, state, first_seen, last_seen) "
          + "VALUES ('fp1', 'payments-api', 'critical', 'resolved', 1, 1)");
    }
  }

  @Test
  void firstAcknowledgedIsTheEarliestAcknowledgementOfEachAskedAlertInOneAnswer() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < Alerts.IDS_PER_QUERY + 44; i++) ids.add(fire("fp" + i, "down", T0).id());
    long twice = ids.get(0);
    long never = ids.get(1);
    long last = ids.get(ids.size() - 1);
    store.addEvent(new AlertEvent(twice, T0.plusSeconds(90), "acknowledged", "again", "cli"));
    store.addEvent(new AlertEvent(twice, T0.plusSeconds(30), "acknowledged", "first", "tray"));
    for (long id : ids) if (id != twice && id != never) store.addEvent(new AlertEvent(id, T0.plusSeconds(id), "acknowledged", null, "cli"));
    long unasked = fire("other", "down", T0).id();
    store.addEvent(new AlertEvent(unasked, T0, "acknowledged", null, "cli"));

    Map<Long, Instant> first = store.firstAcknowledged(ids);

    assertThat(first).hasSize(ids.size() - 1).doesNotContainKeys(never, unasked)
        .containsEntry(twice, T0.plusSeconds(30)).containsEntry(last, T0.plusSeconds(last));
    for (long id : ids) if (id != never) assertThat(first.get(id)).isEqualTo(store.timeline(id).stream()
        .filter(e -> e.kind().equals("acknowledged")).map(AlertEvent::time).min(Instant::compareTo).orElseThrow());
    assertThat(store.firstAcknowledged(List.of(never))).isEmpty();
    assertThat(store.firstAcknowledged(List.of())).isEmpty();
  }

  @Test
  void acknowledgeSnoozeAndResolveSetTheStateAndWriteTheTimeline() {
    Alert fired = fire("fp1", "down", T0);
    long id = fired.id();
    Instant until = T0.plus(Duration.ofMinutes(90));

    Alert snoozed = store.snooze(id, until, "tray", T0.plusSeconds(10)).orElseThrow();
    assertThat(snoozed.state()).isEqualTo(AlertState.ACKNOWLEDGED);
    assertThat(snoozed.snoozedUntil()).isEqualTo(until);

    Alert acknowledged = store.acknowledge(id, "looking into it", "cli", T0.plusSeconds(20)).orElseThrow();
    assertThat(acknowledged.state()).isEqualTo(AlertState.ACKNOWLEDGED);
    assertThat(acknowledged.snoozedUntil()).isNull();

    Alert resolved = store.resolve(id, "restarted the pod", "alice", T0.plusSeconds(30)).orElseThrow();
    assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(resolved.resolvedAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(store.find(id)).contains(resolved);

    assertThat(store.timeline(id)).containsExactly(
        new AlertEvent(id, T0, "fired", "down", "engine"),
        new AlertEvent(id, T0.plusSeconds(10), "snoozed", "until 2026-03-29T02:00:00Z", "tray"),
        new AlertEvent(id, T0.plusSeconds(20), "acknowledged", "looking into it", "cli"),
        new AlertEvent(id, T0.plusSeconds(30), "resolved", "restarted the pod", "alice"));
  }

  @Test
  void aJustResolvedAlertCanBeAcknowledgedButNotSnoozedOrResolvedAgain() {
    long id = fire("fp1", "down", T0).id();
    store.resolve(id, null, "cli", T0.plusSeconds(1));

    Optional<Alert> acked = store.acknowledge(id, "late", "cli", T0.plusSeconds(2));
    assertThat(acked).as("the incident the person is looking at").isPresent();
    assertThat(acked.get().state()).isEqualTo(AlertState.RESOLVED);
    assertThat(acked.get().acknowledgedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(store.acknowledgedAfterResolve(T0)).extracting(Alert::id).containsExactly(id);
    assertThat(store.snooze(id, T0.plusSeconds(600), "cli", T0.plusSeconds(2))).isEmpty();
    assertThat(store.resolve(id, "again", "cli", T0.plusSeconds(2))).isEmpty();
    assertThat(store.acknowledge(999, "none", "cli", T0)).isEmpty();
    assertThat(store.timeline(id)).extracting(AlertEvent::kind).containsExactly("fired", "resolved", "acknowledged");
  }

  @Test
  void anAlertResolvedLongerThanReopenWithinAgoIsNotAcknowledged() {
    long id = fire("fp1", "down", T0).id();
    store.resolve(id, null, "cli", T0.plusSeconds(1));

    assertThat(store.acknowledge(id, "late", "cli", T0.plusSeconds(1).plus(Duration.ofMinutes(31)))).isEmpty();
    assertThat(store.timeline(id)).extracting(AlertEvent::kind).containsExactly("fired", "resolved");
  }

  @Test
  void endSnoozesReturnsOnlySnoozesThatEndedToFiring() {
    long due = fire("due", "down", T0).id();
    long later = fire("later", "down", T0).id();
    long acknowledged = fire("acked", "down", T0).id();
    store.snooze(due, T0.plusSeconds(300), "cli", T0);
    store.snooze(later, T0.plusSeconds(900), "cli", T0);
    store.acknowledge(acknowledged, null, "cli", T0);

    List<Alert> woken = store.endSnoozes(T0.plusSeconds(300));

    assertThat(woken).extracting(Alert::id).containsExactly(due);
    assertThat(store.find(due).orElseThrow().state()).isEqualTo(AlertState.FIRING);
    assertThat(store.find(due).orElseThrow().snoozedUntil()).isNull();
    assertThat(store.find(later).orElseThrow().state()).isEqualTo(AlertState.ACKNOWLEDGED);
    assertThat(store.find(acknowledged).orElseThrow().state()).isEqualTo(AlertState.ACKNOWLEDGED);
    assertThat(store.timeline(due)).last().isEqualTo(new AlertEvent(due, T0.plusSeconds(300), "snooze ended", null, "engine"));
    assertThat(store.endSnoozes(T0.plusSeconds(300))).isEmpty();
  }

  @Test
  void addEventAppendsToTheTimeline() {
    long id = fire("fp1", "down", T0).id();

    store.addEvent(new AlertEvent(id, T0.plusSeconds(1), "notified", "tray: sent", "engine"));
    store.transaction(w -> {
      w.addEvent(id, T0.plusSeconds(2), "notified", "sound: suppressed (quiet hours)", "engine");
      return null;
    });

    assertThat(store.timeline(id)).extracting(AlertEvent::note)
        .containsExactly("down", "tray: sent", "sound: suppressed (quiet hours)");
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() {
    assertThatThrownBy(() -> store.transaction(w -> {
      w.fire("fp1", "payments-api", Severity.CRITICAL, "down", Map.of(), T0);
      throw new IllegalStateException("engine bug");
    })).hasMessage("engine bug");

    assertThat(store.openAlerts()).isEmpty();
    assertThat(fire("fp1", "down", T0).count()).isEqualTo(1);
  }

  @Test
  void checksFoldIntoMinutesAndStatsCoverMinutesStartingInTheRange() {
    Instant minute = Instant.parse("2026-03-29T00:31:00Z");
    store.transaction(w -> {
      w.recordCheck("api", minute.plusSeconds(1), true, Duration.ofMillis(120));
      w.recordCheck("api", minute.plusSeconds(31), false, Duration.ofMillis(5000));
      w.recordCheck("api", minute.plusSeconds(61), true, Duration.ofMillis(80));
      w.recordCheck("db", minute.plusSeconds(1), true, Duration.ofMillis(7));
      return null;
    });

    assertThat(store.checkStats("api", minute.minusSeconds(30), minute.plusSeconds(120))).containsExactly(
        new MinuteStat("api", minute, 2, 1, 5120, 5000),
        new MinuteStat("api", minute.plusSeconds(60), 1, 0, 80, 80));
    assertThat(store.checkStats("api", minute.plusSeconds(1), minute.plusSeconds(120)))
        .extracting(MinuteStat::minute).containsExactly(minute.plusSeconds(60));
  }

  @Test
  void stateChangesAreListedOldestFirstWithinTheRange() {
    store.transaction(w -> {
      w.recordStateChange("api", T0.plusSeconds(60), true, "status (200) == 200");
      w.recordStateChange("api", T0, false, "status (503) == 200");
      w.recordStateChange("db", T0, false, "timeout");
      return null;
    });

    assertThat(store.stateChanges("api", T0, T0.plusSeconds(61))).containsExactly(
        new StateChange("api", T0, false, "status (503) == 200"),
        new StateChange("api", T0.plusSeconds(60), true, "status (200) == 200"));
    assertThat(store.stateChanges("api", T0, T0.plusSeconds(60))).hasSize(1);
  }

  @Test
  void retentionDeletesOnlyRowsOlderThanTheirRetentionAndKeepsResolvedAlerts() {
    Instant now = T0.plus(Duration.ofDays(500));
    store.transaction(w -> {
      w.recordCheck("api", now.minus(Duration.ofDays(31)), true, Duration.ofMillis(10));
      w.recordCheck("api", now.minus(Duration.ofDays(29)), true, Duration.ofMillis(10));
      w.recordStateChange("api", now.minus(Duration.ofDays(401)), false, "old");
      w.recordStateChange("api", now.minus(Duration.ofDays(399)), false, "kept");
      w.fire("fp1", "api", Severity.INFO, "old", Map.of(), T0);
      w.recover("fp1", "ok", T0.plusSeconds(1));
      return null;
    });

    assertThat(store.applyRetention(now)).isEqualTo(2);

    assertThat(store.checkStats("api", Instant.EPOCH, now)).extracting(MinuteStat::minute)
        .containsExactly(now.minus(Duration.ofDays(29)));
    assertThat(store.stateChanges("api", Instant.EPOCH, now)).extracting(StateChange::summary).containsExactly("kept");
    assertThat(store.history(HistoryQuery.latest(10)).items()).hasSize(1);
  }

  @Test
  void dataVersionChangesWithEachCommitOfThisStore() {
    long before = store.dataVersion();
    assertThat(store.dataVersion()).isEqualTo(before);

    fire("fp1", "down", T0);

    assertThat(store.dataVersion()).isNotEqualTo(before);
  }

  @Test
  void dataVersionStaysWhenThisStoreOnlyRecordsChecksAndMovesWhenItTouchesAlerts() {
    Alert open = fire("fp1", "down", T0);
    long before = store.dataVersion();

    store.transaction(w -> {
      w.recordCheck("payments-api", T0.plusSeconds(30), true, Duration.ofMillis(12));
      return w.recover("not-open", "fine", T0.plusSeconds(30));
    });
    assertThat(store.dataVersion()).as("a passing check, nothing open to resolve").isEqualTo(before);

    store.acknowledge(open.id(), "on it", "me", T0.plusSeconds(40));
    long acknowledged = store.dataVersion();
    assertThat(acknowledged).isNotEqualTo(before);

    store.transaction(w -> w.repeat("fp1", "still down", T0.plusSeconds(60)));
    assertThat(store.dataVersion()).isNotEqualTo(acknowledged);
  }

  @Test
  void dataVersionMovesWhenAnotherConnectionCommitsEvenWithoutAlerts() {
    long before = store.dataVersion();
    try (SqliteStore other = SqliteStore.open(dir, CLOCK)) {
      other.transaction(w -> {
        w.recordCheck("payments-api", T0, true, Duration.ofMillis(12));
        return null;
      });
    }
    assertThat(store.dataVersion()).isNotEqualTo(before);
  }

  @Test
  void reopeningAppliesNoMigrationTwiceAndKeepsTheData() throws SQLException {
    long id = fire("fp1", "down", T0).id();
    List<String> applied = appliedMigrations();
    store.close();

    store = SqliteStore.open(dir, CLOCK);
    store.close();
    store = SqliteStore.open(dir, CLOCK);

    assertThat(applied).startsWith("1|alerts|true");
    assertThat(appliedMigrations()).isEqualTo(applied);
    assertThat(store.find(id)).isPresent();
  }

  List<String> appliedMigrations() throws SQLException {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + store.database());
        Statement sql = raw.createStatement();
        ResultSet rows = sql.executeQuery("SELECT version, description, success FROM flyway_schema_history ORDER BY installed_rank")) {
      List<String> applied = new ArrayList<>();
      while (rows.next()) applied.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getBoolean(3));
      return applied;
    }
  }
}
