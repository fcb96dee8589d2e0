package dev.vigil.engine;

import dev.vigil.rules.RuleSet;
import dev.vigil.rules.RulesLoader;
import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code BoardCost DIR N}: the engine's side of the monitors board over a real store holding a day of per-minute
 * check rows for N monitors (bench/board.sh; printed, never asserted): what reading each monitor's day of minutes
 * costs (what the board did once a minute before), the running board's first read (each monitor's week by the hour
 * and its last hour by the minute, once), and each refresh after it.
 */
public final class BoardCost {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Path rules = Files.createDirectories(dir.resolve("rules"));
    StringBuilder yaml = new StringBuilder("monitors:\n");
    for (int i = 0; i < n; i++) yaml.append(String.format("  - id: svc-%05d%n    tcp: 127.0.0.1:%d%n", i, 10000 + i));
    Files.writeString(rules.resolve("fleet.yaml"), yaml);
    RuleSet set = RulesLoader.load(rules, Map.of()).rules();
    Path data = Files.createDirectories(dir.resolve("data"));
    Instant now = Instant.now();
    long t = System.nanoTime();
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      store.transaction(tx -> {
        for (int i = 0; i < n; i++) tx.recordCheck(String.format("svc-%05d", i), now, true, Duration.ofMillis(20));
        return null;
      });
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigil.db")); Statement s = c.createStatement()) {
      long minute = now.getEpochSecond() / 60;
      s.execute("WITH RECURSIVE m(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM m WHERE k < 1439)"
          + " INSERT OR IGNORE INTO check_minutes (monitor_id, minute, checks, failures, latency_sum_ms, latency_max_ms)"
          + " SELECT monitors.id, " + minute + " - m.k, 2, CASE WHEN (m.k + monitors.id) % 97 = 0 THEN 1 ELSE 0 END, 40, 30"
          + " FROM monitors, m");
    }
    System.out.printf("fixture: %d monitors, a day of minutes each (%,d rows), in %.0f s%n", n, n * 1440L, (System.nanoTime() - t) / 1e9);
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      t = System.nanoTime();
      long rows = 0;
      for (var m : set.monitors()) rows += store.checkStats(m.id(), now.minus(Duration.ofDays(1)), now.plusSeconds(60)).size();
      System.out.printf("each monitor's day of minutes (the board's read once a minute before): %.0f ms, %,d rows%n",
          (System.nanoTime() - t) / 1e6, rows);
      MonitorBoard board = new MonitorBoard();
      t = System.nanoTime();
      var first = board.rows(set, store, now, Map.of(), id -> Optional.empty());
      System.out.printf("running board, first read (week by the hour, last hour by the minute): %.0f ms, uptime24h of the first: %s%n",
          (System.nanoTime() - t) / 1e6, first.get(0).uptime24h());
      long[] each = new long[10];
      for (int i = 0; i < each.length; i++) {
        long u = System.nanoTime();
        board.rows(set, store, now.plusSeconds(5L * (i + 1)), Map.of(), id -> Optional.empty());
        each[i] = System.nanoTime() - u;
      }
      java.util.Arrays.sort(each);
      System.out.printf("running board, each refresh after it (10): median %.1f ms, max %.1f ms;"
          + " at one refresh every 5 s while the board shows: %.2f %% of a core%n",
          each[5] / 1e6, each[9] / 1e6, 100.0 * each[5] / 5e9);
    }
  }
}
