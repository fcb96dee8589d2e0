package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.fleet.LoopbackFleet;
import dev.vigil.fleet.LoopbackFleet.Behaviour;
import dev.vigil.store.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill -9 suite: a child {@code vigil run --headless} watches a loopback fleet of failing, flapping and
 * healthy monitors while this process acknowledges its alerts, and is killed with SIGKILL at a random moment,
 * over and over. After each kill: no acknowledged alert lost, no fingerprint with two open alerts, no hard-down
 * monitor with a second alert, {@code PRAGMA integrity_check} ok, and after the restart a new check committed
 * within 2 s of the child saying it is watching.
 *
 * <p>The policy makes it always night, so the critical {@code night-*} monitors climb the wake ladder (alarm,
 * phone by ntfy, the webhook contact) and its state is persisted while the child is killed. What the phone
 * received is checked after each kill by {@link LadderChecks}.
 *
 * <p>5 iterations in the normal test run; {@code reliability/kill9.sh} runs 200 ({@code -Dvigil.kill9.iterations}).
 */
class KillNineSuiteTest {
  static final int ITERATIONS = Integer.getInteger("vigil.kill9.iterations", 5);
  static final Duration WATCHING_AGAIN = Duration.ofSeconds(2);
  /** JVM start included, on a shared machine at load 30+; the 2 s bound is measured from the "watching" line. */
  static final Duration START = Duration.ofSeconds(60);
  static final int DOWN = 8;
  static final int FLAPPING = 6;
  static final int UP = 6;
  /** Critical monitors, hard down, on the overnight wake ladder; acknowledged ones are resolved by hand between kills. */
  static final int NIGHT = 6;
  /** How long a running Vigil may take to learn of an acknowledgement written to the database by another process. */
  static final Duration ACK_NOTICED = Duration.ofSeconds(1);

  @TempDir Path data;
  @TempDir Path rules;

  @Test
  void killingVigilAtRandomMomentsLosesNoAcknowledgementDuplicatesNoAlertAndWatchesAgainWithinTwoSeconds()
      throws Exception {
    Random random = new Random(Long.getLong("vigil.kill9.seed", System.nanoTime()));
    Set<Long> acked = new HashSet<>();
    List<Long> watchAgainMillis = new ArrayList<>();
    List<Long> spawnToCheckMillis = new ArrayList<>();
    String ladder;
    List<Long> kills = new ArrayList<>(); // System.nanoTime() of each SIGKILL
    int ackCount = 0;
    Map<Long, Long> nightAcked = new HashMap<>(); // alert id -> System.nanoTime() right after the ack committed
    try (LoopbackFleet fleet = LoopbackFleet.start(); PhoneLog phone = new PhoneLog()) {
      writeRules(fleet, phone);
      for (int i = 0; i < ITERATIONS; i++) {
        long checksBefore = checks();
        long spawned = System.nanoTime();
        Process child = ChildVigil.start(data, rules, data.resolve("child-" + (i % 2) + ".log"), List.of());
        long watchingAt = ChildVigil.awaitWatching(child, data.resolve("child-" + (i % 2) + ".log"), START);
        long committedAt = awaitNewCheck(checksBefore, Duration.ofSeconds(30));
        watchAgainMillis.add(Duration.ofNanos(committedAt - watchingAt).toMillis());
        spawnToCheckMillis.add(Duration.ofNanos(committedAt - spawned).toMillis());

        long killAt = System.nanoTime() + Duration.ofMillis(200 + random.nextInt(2800)).toNanos();
        try (SqliteStore cli = SqliteStore.open(data, Clock.systemUTC())) {
          while (System.nanoTime() < killAt) {
            List<Alert> firing = cli.openAlerts().stream().filter(a -> a.state() == AlertState.FIRING).toList();
            if (!firing.isEmpty()) {
              Alert a = firing.get(random.nextInt(firing.size()));
              boolean night = a.monitor().startsWith("night-");
              // night alerts are acknowledged slowly, so that their ladders climb to the phone and the contact
              if ((!night || random.nextInt(30) == 0)
                  && cli.acknowledge(a.id(), "kill9 " + i, "cli:kill9", Instant.now()).isPresent()) {
                acked.add(a.id());
                ackCount++;
                if (night) nightAcked.put(a.id(), System.nanoTime());
              }
            }
            Thread.sleep(random.nextInt(150));
          }
        }
        kills.add(System.nanoTime());
        child.destroyForcibly().waitFor();

        assertAfterKill(i, acked);
        LadderChecks.afterKill(i, data, phone, nightAcked, ACK_NOTICED, kills);
        LadderChecks.resolveAcknowledged(data, nightAcked.keySet());
      }
      ladder = LadderChecks.finalRun(data, rules, phone, nightAcked, ACK_NOTICED, kills);
    }
    String figures = figures(ackCount, watchAgainMillis, spawnToCheckMillis) + ladder;
    System.out.println(figures);
    Path out = Path.of("target", "reliability", "kill9.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, figures);
    assertThat(watchAgainMillis).allMatch(ms -> ms <= WATCHING_AGAIN.toMillis());
  }

  private void assertAfterKill(int iteration, Set<Long> acked) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigil.db"))) {
      assertThat(one(db, "PRAGMA integrity_check")).as("integrity after kill %d", iteration).isEqualTo("ok");
      assertThat(one(db, "SELECT count(*) FROM (SELECT fingerprint FROM alerts WHERE state != 'resolved'"
          + " GROUP BY fingerprint HAVING count(*) > 1)")).as("duplicate open alerts after kill %d", iteration).isEqualTo("0");
      assertThat(one(db, "SELECT count(*) FROM (SELECT monitor FROM alerts WHERE monitor LIKE 'down-%'"
          + " GROUP BY monitor HAVING count(*) > 1)")).as("hard-down monitors with a second alert after kill %d", iteration)
          .isEqualTo("0");
      for (long id : acked) {
        String state = one(db, "SELECT state FROM alerts WHERE id = " + id);
        String ackEvents = one(db, "SELECT count(*) FROM alert_events WHERE alert_id = " + id + " AND kind = 'acknowledged'");
        assertThat(state).as("alert %d acknowledged before kill %d", id, iteration).isIn("acknowledged", "resolved");
        assertThat(Integer.parseInt(ackEvents)).as("acknowledged event of alert %d", id).isPositive();
      }
    }
  }

  private long awaitNewCheck(long before, Duration atMost) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      if (checks() > before) return System.nanoTime();
      Thread.sleep(10);
    }
    throw new AssertionError("no check committed within " + atMost + " of restart");
  }

  private long checks() throws SQLException {
    if (!Files.exists(data.resolve("vigil.db"))) return 0;
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigil.db"))) {
      String sum = one(db, "SELECT coalesce(sum(checks), 0) FROM check_minutes");
      return sum == null ? 0 : Long.parseLong(sum);
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().contains("no such table")) return 0;
      throw e;
    }
  }

  private static String one(Connection db, String sql) throws SQLException {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private void writeRules(LoopbackFleet fleet, PhoneLog phone) throws IOException {
    StringBuilder yaml = new StringBuilder("monitors:\n");
    for (int i = 0; i < DOWN; i++) monitor(yaml, fleet, "down-" + i, Behaviour.DOWN, 1 + i % 2, 1, "warning");
    for (int i = 0; i < FLAPPING; i++) monitor(yaml, fleet, "flap-" + i, Behaviour.FLAPPING, 1, 1, "warning");
    for (int i = 0; i < UP; i++) monitor(yaml, fleet, "up-" + i, Behaviour.UP, 2, 2, "warning");
    for (int i = 0; i < NIGHT; i++) monitor(yaml, fleet, "night-" + i, Behaviour.DOWN, 1, 1, "critical");
    Files.writeString(rules.resolve("fleet.yaml"), yaml);
    Files.writeString(rules.resolve("policy.yaml"), LadderChecks.alwaysNightPolicy(phone));
  }

  private static void monitor(StringBuilder yaml, LoopbackFleet fleet, String id, Behaviour b, int confirm, int recover,
      String severity) {
    fleet.set(id, b);
    yaml.append("""
          - id: %s
            url: %s
            interval: 1s
            timeout: 1s
            confirm: %d
            recover: %d
            severity: %s
        """.formatted(id, fleet.url(id), confirm, recover, severity));
  }

  private static String figures(int acks, List<Long> watchAgain, List<Long> spawnToCheck) {
    return "kill -9 suite: %d kills, %d acknowledgements made, 0 lost, 0 duplicate open alerts, integrity ok every time%n"
        .formatted(ITERATIONS, acks)
        + "watching again (first new check committed after the 'watching' line): p50 %d ms, p95 %d ms, max %d ms%n"
            .formatted(percentile(watchAgain, 50), percentile(watchAgain, 95), percentile(watchAgain, 100))
        + "from process spawn (JVM start included) to first new check: p50 %d ms, p95 %d ms, max %d ms%n"
            .formatted(percentile(spawnToCheck, 50), percentile(spawnToCheck, 95), percentile(spawnToCheck, 100));
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
