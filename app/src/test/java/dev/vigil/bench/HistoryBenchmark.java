package dev.vigil.bench;

import dev.vigil.store.HistoryQuery;
import dev.vigil.store.Page;
import dev.vigil.alert.Alert;
import dev.vigil.store.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * History pages over {@link #alerts} stored alerts, through {@link SqliteStore#history} (SQL, rows to Alerts,
 * labels parsed): the newest 50, a keyset page at a random depth, and a keyset page of one monitor. Sample
 * time mode, so JMH prints p50/p99/p99.9.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HistoryBenchmark {
  static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  static final int MONITORS = 5000;

  @Param("1000000")
  public int alerts;

  Path dir;
  SqliteStore store;
  final SplittableRandom random = new SplittableRandom(7);

  @Setup(Level.Trial)
  public void fill() throws IOException, SQLException {
    dir = Files.createTempDirectory("vigil-jmh-history");
    long started = System.nanoTime();
    SqliteStore.open(dir, Clock.systemUTC()).close(); // the production schema, by Flyway
    bulkInsert(dir.resolve("vigil.db"), alerts);
    store = SqliteStore.open(dir, Clock.systemUTC());
    System.out.printf("%n[fixture] %,d alerts in %.1f s%n", alerts, (System.nanoTime() - started) / 1e9);
  }

  /** One alert a minute per stride, nearly all resolved, oldest first: as years of history would look. */
  static void bulkInsert(Path database, int count) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=OFF");
        s.execute("PRAGMA cache_size=-200000");
      }
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO alerts (fingerprint, monitor, severity, state, first_seen, last_seen, resolved_at, count, summary, labels)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        String[] severities = {"critical", "warning", "info"};
        for (int i = 0; i < count; i++) {
          String monitor = "mon-" + (i % MONITORS);
          long first = T0.toEpochMilli() + i * 30_000L;
          boolean open = i >= count - 50;
          insert.setString(1, "monitor:" + monitor);
          insert.setString(2, monitor);
          insert.setString(3, severities[i % 3]);
          insert.setString(4, open ? "firing" : "resolved");
          insert.setLong(5, first);
          insert.setLong(6, first + 60_000);
          if (open) insert.setNull(7, java.sql.Types.INTEGER); else insert.setLong(7, first + 120_000);
          insert.setLong(8, 1 + i % 7);
          insert.setString(9, "status: status (503) == 200");
          insert.setString(10, "{\"team\":\"t" + (i % 20) + "\",\"url\":\"http://127.0.0.1:8080/svc/" + monitor + "\"}");
          insert.addBatch();
          if (i % 10_000 == 9_999) insert.executeBatch();
        }
        insert.executeBatch();
      }
      c.commit();
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    dev.vigil.os.FileTree.delete(dir);
  }

  @Benchmark
  public Page<Alert> latest50() {
    return store.history(HistoryQuery.latest(50));
  }

  /** A page of 50 after a cursor anywhere in the million rows (as after paging down). */
  @Benchmark
  public Page<Alert> keysetPage() {
    int i = random.nextInt(alerts);
    Instant firstSeen = T0.plusMillis(i * 30_000L);
    return store.history(HistoryQuery.latest(50).next(new HistoryQuery.Cursor(firstSeen, i + 1)));
  }

  /** One monitor's incidents, a page of 50 after a cursor anywhere in its history. */
  @Benchmark
  public Page<Alert> monitorKeysetPage() {
    int i = random.nextInt(alerts);
    Instant firstSeen = T0.plusMillis(i * 30_000L);
    HistoryQuery q = new HistoryQuery(null, null, "mon-" + random.nextInt(MONITORS), null, null, null, 50, null);
    return store.history(q.next(new HistoryQuery.Cursor(firstSeen, i + 1)));
  }
}
