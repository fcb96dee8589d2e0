package dev.vigil.bench;

import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Makes a data folder holding N alerts (default 1,000,000) with the production schema, for timing whole
 * commands such as {@code vigil history --limit 50}: {@code java -cp ... dev.vigil.bench.HistoryFixture DIR [N]}.
 */
public final class HistoryFixture {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    Files.createDirectories(dir);
    long t = System.nanoTime();
    SqliteStore.open(dir, Clock.systemUTC()).close();
    HistoryBenchmark.bulkInsert(dir.resolve("vigil.db"), count);
    SqliteStore.open(dir, Clock.systemUTC()).close(); // checkpoints the WAL into the database file
    System.out.printf("%,d alerts in %s after %.1f s%n", count, dir, (System.nanoTime() - t) / 1e9);
  }
}
