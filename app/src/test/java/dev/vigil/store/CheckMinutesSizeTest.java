package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckMinutesSizeTest {
  static final Instant MIDNIGHT = Instant.parse("2026-03-29T00:00:00Z");
  static final int MONITORS = 20;
  static final int CHECKS_A_DAY = 2 * 60 * 24;

  @TempDir Path dir;

  @Test
  void aDayOfChecksEveryThirtySecondsTakesAtMost33KilobytesAMonitor() throws SQLException {
    try (SqliteStore store = SqliteStore.open(dir, Clock.fixed(MIDNIGHT, ZoneOffset.UTC))) {
      for (int hour = 0; hour < 24; hour++) {
        int firstCheck = hour * CHECKS_A_DAY / 24;
        store.transaction(w -> {
          for (int check = firstCheck; check < firstCheck + CHECKS_A_DAY / 24; check++) {
            for (int m = 0; m < MONITORS; m++) {
              w.recordCheck("payments-api-" + m, MIDNIGHT.plusSeconds(30L * check).plusMillis(m), m != 3, Duration.ofMillis(90 + m));
            }
          }
          return null;
        });
      }

      assertThat(bytesOf(store, "check_minutes") / MONITORS).isLessThanOrEqualTo(33_000);
    }
  }

  static long bytesOf(SqliteStore store, String table) throws SQLException {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + store.database());
        Statement sql = raw.createStatement();
        ResultSet rows = sql.executeQuery("SELECT sum(pgsize) FROM dbstat WHERE name = '" + table + "'")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
