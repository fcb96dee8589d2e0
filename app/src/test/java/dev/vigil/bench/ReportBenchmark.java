package dev.vigil.bench;

import dev.vigil.report.NoiseReport;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
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
 * {@code vigil report} over a stored week of {@link #MONITORS} monitors: the two queries ({@link SqliteStore#noiseFacts})
 * and the figures ({@link NoiseReport#of}). Each monitor fires {@link #firesPerMonitor} times in the week, every alert
 * has its fired/resolved events and a reopen for one in five, and the notifications log holds ten decisions per alert
 * (mostly suppressed), one alarm per critical alert and a page for one in four: about 100,000 rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ReportBenchmark {
  static final int MONITORS = 500;
  static final Instant UNTIL = Instant.parse("2026-12-07T11:00:00Z");
  static final Instant SINCE = UNTIL.minus(Duration.ofDays(7));

  @Param("20")
  public int firesPerMonitor;

  Path dir;
  SqliteStore store;

  @Setup(Level.Trial)
  public void fill() throws IOException, SQLException {
    dir = Files.createTempDirectory("vigil-jmh-report");
    SqliteStore.open(dir, Clock.systemUTC()).close(); // the production schema, by Flyway
    long started = System.nanoTime();
    int rows = week(dir.resolve("vigil.db"), firesPerMonitor);
    store = SqliteStore.open(dir, Clock.systemUTC());
    System.out.printf("%n[fixture] %,d rows in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);
  }

  static int week(Path database, int firesPerMonitor) throws SQLException {
    SplittableRandom random = new SplittableRandom(15);
    int rows = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=OFF");
      }
      c.setAutoCommit(false);
      try (PreparedStatement alert = c.prepareStatement(
              "INSERT INTO alerts (fingerprint, monitor, severity, state, first_seen, last_seen, resolved_at, count, reopens)"
                  + " VALUES (?, ?, ?, 'resolved', ?, ?, ?, ?, ?) RETURNING id");
          PreparedStatement event = c.prepareStatement("INSERT INTO alert_events (alert_id, time, kind, actor) VALUES (?, ?, ?, 'engine')");
          PreparedStatement note = c.prepareStatement(
              "INSERT INTO notifications (time, alert_id, channel, level, outcome, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
        long span = Duration.between(SINCE, UNTIL).toMillis();
        for (int m = 0; m < MONITORS; m++) {
          String monitor = "mon-" + m;
          String severity = m % 5 == 0 ? "critical" : "warning";
          for (int f = 0; f < firesPerMonitor; f++) {
            long first = SINCE.toEpochMilli() + random.nextLong(span - 3_600_000);
            long resolved = first + 60_000 + random.nextLong(1_800_000);
            alert.setString(1, "monitor:" + monitor);
            alert.setString(2, monitor);
            alert.setString(3, severity);
            alert.setLong(4, first);
            alert.setLong(5, resolved - 30_000);
            alert.setLong(6, resolved);
            alert.setLong(7, 1 + random.nextInt(6));
            alert.setLong(8, f % 5 == 0 ? 1 : 0);
            long id;
            try (var rs = alert.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
            for (String kind : new String[] {"fired", "resolved"}) {
              event.setLong(1, id);
              event.setLong(2, kind.equals("fired") ? first : resolved);
              event.setString(3, kind);
              event.addBatch();
            }
            for (int n = 0; n < 10; n++) {
              boolean alarm = n == 0 && severity.equals("critical");
              boolean page = n == 1 && severity.equals("critical") && f % 4 == 0;
              note.setLong(1, first + n * 1_000L);
              note.setLong(2, id);
              note.setString(3, alarm ? "ladder" : page ? "ntfy" : "tray");
              note.setString(4, alarm || page ? "wake" : "tray");
              note.setString(5, alarm || page ? "sent" : "suppressed");
              note.setString(6, alarm ? "alarm: " + monitor + " still failing on a fresh check" : "repeat folded into the alert");
              note.addBatch();
            }
            rows += 13;
          }
          event.executeBatch();
          note.executeBatch();
        }
      }
      c.commit();
    }
    return rows;
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    dev.vigil.os.FileTree.delete(dir);
  }

  @Benchmark
  public NoiseReport.Report week() {
    return NoiseReport.of(store.noiseFacts(SINCE, UNTIL), SINCE, UNTIL, ZoneId.of("Europe/Berlin"), Map.of());
  }
}
