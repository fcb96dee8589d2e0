package dev.vigil.bench;

import dev.vigil.alert.Severity;
import dev.vigil.store.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Alert events per second through the engine's own write path ({@link SqliteStore#transaction}) on a real file
 * with the production schema and indexes, {@value #BATCH} writes per transaction as the pipeline commits them.
 * The score is events per second (one operation = one fire or one repeat).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StoreWriteBenchmark {
  static final int BATCH = 1000;
  static final Map<String, String> LABELS = Map.of("team", "payments", "url", "http://127.0.0.1:8080/svc/payments");

  Path dir;
  SqliteStore store;
  long next;
  Instant at = Instant.parse("2026-11-25T03:00:00Z");

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("vigil-jmh-write");
    store = SqliteStore.open(dir, Clock.systemUTC());
    // The alerts that repeats fold into.
    store.transaction(tx -> {
      for (int i = 0; i < BATCH; i++) tx.fire("open-" + i, "mon-" + i, Severity.CRITICAL, "status (503) == 200", LABELS, at);
      return null;
    });
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    dev.vigil.os.FileTree.delete(dir);
  }

  /** New problems: each write opens an alert and appends its "fired" event. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object fires() {
    at = at.plusMillis(1);
    Instant when = at;
    return store.transaction(tx -> {
      Object last = null;
      for (int i = 0; i < BATCH; i++) {
        long n = next++;
        last = tx.fire("fp-" + n, "mon-" + (n % 5000), Severity.CRITICAL, "status (503) == 200", LABELS, when);
      }
      return last;
    });
  }

  /** Ongoing problems: each write folds a failing check into its open alert (count + 1, lastSeen, summary). */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object repeats() {
    at = at.plusMillis(1);
    Instant when = at;
    return store.transaction(tx -> {
      Object last = null;
      for (int i = 0; i < BATCH; i++) last = tx.repeat("open-" + i, "status (503) == 200", when);
      return last;
    });
  }
}
