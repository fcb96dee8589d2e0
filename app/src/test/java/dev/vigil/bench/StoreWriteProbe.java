package dev.vigil.bench;

import dev.vigil.alert.Severity;
import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * A quick, fixed-work companion to {@link StoreWriteBenchmark} for before/after comparisons while profiling:
 * {@code java -cp ... dev.vigil.bench.StoreWriteProbe [BATCHES]} writes BATCHES x 1,000 fires, then as many
 * repeats, and prints the median batch and the events per second of each.
 */
public final class StoreWriteProbe {
  public static void main(String[] args) throws Exception {
    int batches = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Path dir = Files.createTempDirectory("vigil-probe");
    Map<String, String> labels = StoreWriteBenchmark.LABELS;
    try (SqliteStore store = SqliteStore.open(dir, Clock.systemUTC())) {
      Instant at = Instant.parse("2026-11-25T03:00:00Z");
      long[] fires = new long[batches];
      for (int b = 0; b < batches; b++) {
        int base = b * 1000;
        long t = System.nanoTime();
        store.transaction(tx -> {
          for (int i = 0; i < 1000; i++) {
            int n = base + i;
            tx.fire("fp-" + n, "mon-" + (n % 5000), Severity.CRITICAL, "status (503) == 200", labels, at.plusMillis(n));
          }
          return null;
        });
        fires[b] = System.nanoTime() - t;
      }
      long[] repeats = new long[batches];
      for (int b = 0; b < batches; b++) {
        int base = (b * 1000) % (batches * 1000);
        long t = System.nanoTime();
        store.transaction(tx -> {
          for (int i = 0; i < 1000; i++) tx.repeat("fp-" + (base + i), "status (503) == 200", at.plusSeconds(60));
          return null;
        });
        repeats[b] = System.nanoTime() - t;
      }
      report("fires", fires);
      report("repeats", repeats);
    }
    dev.vigil.os.FileTree.delete(dir);
  }

  private static void report(String what, long[] nanos) {
    long total = Arrays.stream(nanos).sum();
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf("%-8s median batch %6.1f ms  p90 %6.1f ms  overall %,8.0f events/s%n", what,
        sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6, nanos.length * 1000 / (total / 1e9));
  }
}
