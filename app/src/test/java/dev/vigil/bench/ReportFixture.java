package dev.vigil.bench;

import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Writes {@link ReportBenchmark}'s week into a data folder, to time {@code vigil report --data DIR} end to end. */
public final class ReportFixture {
  private ReportFixture() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    SqliteStore.open(dir, Clock.systemUTC()).close();
    int rows = ReportBenchmark.week(dir.resolve("vigil.db"), 20);
    System.out.printf("%,d rows in %s%n", rows, dir);
  }
}
