package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.rules.RuleSet;
import dev.vigil.rules.RulesLoader;
import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board read from a real database: uptimes over 24 h and 7 d, the last hour's latencies, and why it is quiet. */
class MonitorBoardTest {
  static final Instant NOW = Instant.parse("2026-11-25T10:30:20Z");
  @TempDir Path data;
  @TempDir Path rules;

  @Test
  void aMonitorFailingBehindItsFailingParentIsHeldAndOneInAMaintenanceWindowSaysSo() throws Exception {
    RuleSet set = rules("""
        monitors:
          - id: core-db
            tcp: 127.0.0.1:5432
          - id: api
            url: http://127.0.0.1:1/health
            dependsOn: [core-db]
          - id: backup
            tcp: 127.0.0.1:873
        maintenance:
          - id: nightly
            match: {monitor: backup}
            cron: "0 10 * * *"
            for: 1h
        """);
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      store.transaction(tx -> {
        for (String id : new String[] {"core-db", "api", "backup"}) tx.recordCheck(id, NOW.minusSeconds(60), false, Duration.ofMillis(5));
        return null;
      });
      var board = MonitorBoard.fromStore(set, store, NOW);
      assertThat(board).extracting(MonitorRow::id, MonitorRow::state).containsExactly(
          org.assertj.core.groups.Tuple.tuple("core-db", "failing"),
          org.assertj.core.groups.Tuple.tuple("api", "held by core-db"),
          org.assertj.core.groups.Tuple.tuple("backup", "in maintenance"));
      assertThat(MonitorBoard.fromStore(set, store, NOW.plus(Duration.ofHours(1))).get(2).state())
          .as("after the window").isEqualTo("failing");
    }
  }

  @Test
  void uptimeCountsTheLastDayAndWeekAndTheSparklineTheLastHourByMinute() throws Exception {
    RuleSet set = rules("""
        monitors:
          - id: db
            tcp: 127.0.0.1:5432
        """);
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      store.transaction(tx -> {
        tx.recordCheck("db", NOW.minus(Duration.ofDays(3)), false, Duration.ofMillis(9)); // in the week, not the day
        tx.recordCheck("db", NOW.minus(Duration.ofDays(8)), false, Duration.ofMillis(9)); // before the week
        tx.recordCheck("db", NOW.minusSeconds(120), true, Duration.ofMillis(10));
        tx.recordCheck("db", NOW.minusSeconds(120), true, Duration.ofMillis(20));
        tx.recordCheck("db", NOW.minusSeconds(10), true, Duration.ofMillis(40));
        return null;
      });
      MonitorRow row = MonitorBoard.fromStore(set, store, NOW).get(0);
      assertThat(row.uptime24h()).isEqualTo(1.0);
      assertThat(row.uptime7d()).isEqualTo(0.75);
      assertThat(row.lastHour()).hasSize(60);
      assertThat(row.lastHour().subList(57, 60)).containsExactly(15L, null, 40L);
      assertThat(row.lastHour().subList(0, 57)).containsOnlyNulls();
    }
  }

  @Test
  void aRunningBoardAddsTheChecksItCountsToTheWeekItReadOnce() throws Exception {
    RuleSet set = rules("""
        monitors:
          - id: db
            tcp: 127.0.0.1:5432
        """);
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      store.transaction(tx -> {
        tx.recordCheck("db", NOW.minus(Duration.ofDays(2)), false, Duration.ofMillis(9));
        return null;
      });
      MonitorBoard board = new MonitorBoard();
      MonitorRow first = board.rows(set, store, NOW, Map.of(), id -> java.util.Optional.empty()).get(0);
      assertThat(first.uptime7d()).isEqualTo(0.0);
      store.transaction(tx -> {
        tx.recordCheck("db", NOW.minus(Duration.ofDays(1)), true, Duration.ofMillis(9)); // written after: not read again
        return null;
      });
      MonitorRow again = board.rows(set, store, NOW.plusSeconds(60), Map.of(), id -> java.util.Optional.empty()).get(0);
      assertThat(again.uptime7d()).as("the week is read once, not every refresh").isEqualTo(0.0);
    }
  }

  @Test
  void anAlertmanagerSourceIsListedFailingWithItsReasonWhileItCannotBeRead() throws Exception {
    RuleSet set = rules("""
        sources:
          - id: team-am
            alertmanager: http://127.0.0.1:9093
        """);
    var source = set.sources().get(0);
    var rows = MonitorBoard.sources(new java.util.LinkedHashMap<>(java.util.Collections.singletonMap(source,
        "alertmanager team-am (http://127.0.0.1:9093): GET /api/v2/alerts: connection refused")));
    assertThat(rows).containsExactly(new MonitorRow("team-am", "alertmanager", "failing", null,
        "alertmanager team-am (http://127.0.0.1:9093): GET /api/v2/alerts: connection refused", null, null, null,
        "alerts.yaml", 2));
    assertThat(MonitorBoard.sources(new java.util.LinkedHashMap<>(java.util.Collections.singletonMap(source, null))))
        .extracting(MonitorRow::state, MonitorRow::lastResult).containsExactly(org.assertj.core.groups.Tuple.tuple("up", "read"));
  }

  private RuleSet rules(String yaml) throws Exception {
    Files.writeString(rules.resolve("alerts.yaml"), yaml);
    var loaded = RulesLoader.load(rules, Map.of());
    assertThat(loaded.problems()).isEmpty();
    return loaded.rules();
  }
}
