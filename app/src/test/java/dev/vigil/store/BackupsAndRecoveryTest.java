package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alert.Severity;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Daily backups with VACUUM INTO, and a damaged database moved aside and replaced by the latest backup. */
class BackupsAndRecoveryTest {
  static final Instant NOW = Instant.parse("2025-03-30T01:30:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  @TempDir Path data;

  @Test
  void aDailyBackupIsAConsistentOwnerOnlyCopyMadeOncePerDay() throws Exception {
    try (SqliteStore store = SqliteStore.open(data, CLOCK)) {
      fire(store, "payments");
      Backups backups = new Backups(data);
      Path made = backups.daily(NOW, ZoneId.of("Europe/Berlin")).orElseThrow();

      assertThat(made.getFileName().toString()).isEqualTo("vigil-2025-03-30.db");
      assertThat(mode(made)).isEqualTo("rw-------");
      assertThat(mode(backups.folder())).isEqualTo("rwx------");
      assertThat(backups.daily(NOW.plus(Duration.ofHours(5)), ZoneId.of("Europe/Berlin"))).isEmpty();
      try (Stream<Path> files = Files.list(backups.folder())) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("vigil-2025-03-30.db");
      }
    }
    Path copy = Files.createDirectories(data.resolve("copy"));
    Files.copy(data.resolve("backups/vigil-2025-03-30.db"), copy.resolve("vigil.db"));
    try (SqliteStore restored = SqliteStore.open(copy, CLOCK)) {
      assertThat(restored.openAlerts()).extracting(a -> a.monitor()).containsExactly("payments");
    }
  }

  @Test
  void onlyTheNewestSevenBackupsAreKept() {
    try (SqliteStore store = SqliteStore.open(data, CLOCK)) {
      Backups backups = new Backups(data);
      for (int day = 0; day < 10; day++) backups.daily(NOW.plus(Duration.ofDays(day)), ZoneOffset.UTC);
      assertThat(backups.list()).extracting(p -> p.getFileName().toString()).containsExactly(
          "vigil-2025-04-08.db", "vigil-2025-04-07.db", "vigil-2025-04-06.db", "vigil-2025-04-05.db",
          "vigil-2025-04-04.db", "vigil-2025-04-03.db", "vigil-2025-04-02.db");
    }
  }

  static Stream<String> damages() {
    return Stream.of("garbage over the header", "garbage over the pages after the header");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damages")
  void aDamagedDatabaseIsMovedAsideAndTheLatestBackupRestoredWithAClearMessage(String damage) throws Exception {
    try (SqliteStore store = SqliteStore.open(data, CLOCK)) {
      fire(store, "in-backup");
      new Backups(data).daily(NOW, ZoneOffset.UTC).orElseThrow();
      for (int i = 0; i < 300; i++) fire(store, "after-backup-" + i);
    }
    corrupt(data.resolve("vigil.db"), damage.contains("header") ? 0 : 4096);

    try (SqliteStore store = SqliteStore.openForWatching(data, CLOCK)) {
      assertThat(store.recovery()).hasValueSatisfying(message -> assertThat(message)
          .startsWith("the database " + data.resolve("vigil.db") + " was damaged (")
          .endsWith("); moved it to vigil.db.corrupt-20250330-013000 and restored the latest backup vigil-2025-03-30.db;"
              + " alerts and acknowledgements made after that backup are only in the damaged copy"));
      assertThat(store.openAlerts()).extracting(a -> a.monitor()).containsExactly("in-backup");
      assertThat(data.resolve("vigil.db.corrupt-20250330-013000")).exists();
      assertThat(mode(data.resolve("vigil.db"))).isEqualTo("rw-------");
      fire(store, "after-recovery");
      assertThat(store.openAlerts()).hasSize(2);
    }
  }

  @Test
  void withoutABackupADamagedDatabaseIsMovedAsideAndVigilStartsEmpty() throws Exception {
    try (SqliteStore store = SqliteStore.open(data, CLOCK)) {
      fire(store, "lost");
    }
    corrupt(data.resolve("vigil.db"), 0);
    try (SqliteStore store = SqliteStore.openForWatching(data, CLOCK)) {
      assertThat(store.recovery()).hasValueSatisfying(m -> assertThat(m).endsWith(
          "moved it to vigil.db.corrupt-20250330-013000 and no backup was found, so Vigil starts with an empty history"));
      assertThat(store.openAlerts()).isEmpty();
    }
  }

  @Test
  void theCommandLineRefusesADamagedDatabaseAndSaysHowToRepairIt() throws Exception {
    try (SqliteStore store = SqliteStore.open(data, CLOCK)) {
      fire(store, "x");
    }
    corrupt(data.resolve("vigil.db"), 0);
    assertThatThrownBy(() -> SqliteStore.open(data, CLOCK)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("the database " + data.resolve("vigil.db") + " is damaged (")
        .hasMessageEndingWith("); start `vigil run` to move it aside and restore the latest backup");
    assertThat(data.resolve("vigil.db")).exists();
  }

  @Test
  void aHealthyDatabaseIsLeftWhereItIs() {
    try (SqliteStore store = SqliteStore.open(data, CLOCK)) {
      fire(store, "x");
    }
    try (SqliteStore store = SqliteStore.openForWatching(data, CLOCK)) {
      assertThat(store.recovery()).isEmpty();
      assertThat(store.openAlerts()).hasSize(1);
    }
  }

  private static void fire(SqliteStore store, String monitor) {
    store.transaction(tx -> tx.fire("fp:" + monitor, monitor, Severity.WARNING, "status: down", Map.of(), NOW));
  }

  /** Overwrites 8 KiB at {@code offset} with a pattern SQLite cannot read, as a failing disk or a stray write would. */
  private static void corrupt(Path file, long offset) throws Exception {
    // Fold the WAL into the file first, so the damage is not shadowed by newer pages in the WAL.
    try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
      db.createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] junk = new byte[8192];
      for (int i = 0; i < junk.length; i++) junk[i] = (byte) (i * 31 + 7);
      raf.seek(offset);
      raf.write(junk);
    }
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

}
