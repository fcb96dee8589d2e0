package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running app and the command line open the same data folder at once. */
class SharedDataFolderTest {
  static final Instant T0 = Instant.parse("2026-03-29T01:59:00Z");
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  @TempDir Path root;

  @Test
  void anAcknowledgementFromTheCommandLineIsSeenByTheRunningAppAndChangesItsDataVersion() {
    Path data = root.resolve("vigil");
    try (SqliteStore app = SqliteStore.open(data, CLOCK); SqliteStore cli = SqliteStore.open(data, CLOCK)) {
      long id = app.transaction(w -> w.fire("fp1", "payments-api", Severity.CRITICAL, "down", Map.of(), T0)).id();
      long before = app.dataVersion();

      cli.acknowledge(id, "on it", "cli", T0.plusSeconds(5));

      assertThat(app.dataVersion()).isNotEqualTo(before);
      assertThat(app.find(id)).map(Alert::state).contains(AlertState.ACKNOWLEDGED);
      assertThat(app.timeline(id)).last().extracting(e -> e.note()).isEqualTo("on it");
    }
  }

  @Test
  void twoProcessesFiringTheSameFingerprintShareOneOpenAlert() {
    Path data = root.resolve("vigil");
    try (SqliteStore app = SqliteStore.open(data, CLOCK); SqliteStore other = SqliteStore.open(data, CLOCK)) {
      Alert first = app.transaction(w -> w.fire("fp1", "api", Severity.WARNING, "down", Map.of(), T0));
      Alert second = other.transaction(w -> w.fire("fp1", "api", Severity.WARNING, "down", Map.of(), T0.plusSeconds(30)));

      assertThat(second.id()).isEqualTo(first.id());
      assertThat(app.openAlerts()).singleElement().extracting(Alert::count).isEqualTo(2L);
    }
  }

  @Test
  void theDataFolderIsOwnerOnlyAndSoAreTheDatabaseFiles() throws Exception {
    Path data = root.resolve("new").resolve("vigil");
    try (SqliteStore store = SqliteStore.open(data, CLOCK)) {
      store.transaction(w -> w.fire("fp1", "api", Severity.INFO, "down", Map.of(), T0));

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
      for (String file : new String[] {"vigil.db", "vigil.db-wal", "vigil.db-shm"}) {
        assertThat(data.resolve(file)).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file)))).as(file).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void anEngineTransactionWaitsForAnotherProcessHoldingTheWriteLockForTwoSeconds() throws Exception {
    Path data = root.resolve("vigil");
    ExecutorService otherProcess = Executors.newSingleThreadExecutor();
    try (SqliteStore store = SqliteStore.open(data, CLOCK);
        Connection raw = DriverManager.getConnection("jdbc:sqlite:" + store.database())) {
      CountDownLatch locked = new CountDownLatch(1);
      Future<?> holder = otherProcess.submit(() -> {
        try (Statement sql = raw.createStatement()) {
          sql.execute("BEGIN IMMEDIATE");
          sql.executeUpdate("INSERT INTO state_changes (monitor, time, up) VALUES ('cli', 1, 1)");
          locked.countDown();
          Thread.sleep(2_000);
          sql.execute("COMMIT");
        }
        return null;
      });
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

      Alert fired = store.transaction(w -> w.fire("fp1", "api", Severity.CRITICAL, "down", Map.of(), T0));

      holder.get(10, TimeUnit.SECONDS);
      assertThat(store.find(fired.id())).isPresent();
      assertThat(store.stateChanges("cli", Instant.EPOCH, T0)).hasSize(1);
    } finally {
      otherProcess.shutdownNow();
    }
  }
}
