package dev.vigil.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A damaged database found when the store opens. Every open probes the file cheaply (can SQLite read its
 * schema?); the watching process, which alone may move files, also runs {@code PRAGMA quick_check} and, when
 * the file is damaged, moves it aside as {@code vigil.db.corrupt-<time>} (with its -wal and -shm) and puts the
 * latest automatic backup in its place, or starts an empty database when there is none.
 */
final class DatabaseRecovery {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final List<String> SIDECARS = List.of("-wal", "-shm");

  private DatabaseRecovery() {}

  /** What is wrong with the database file, or empty when it reads fine. An empty file is fine (a new store). */
  static Optional<String> damage(Path database, boolean thorough) {
    try {
      if (!Files.exists(database) || Files.size(database) == 0) return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot read: " + e.getMessage());
    }
    try (Connection db = Database.config(true).createConnection("jdbc:sqlite:" + database.toAbsolutePath());
        Statement s = db.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
        rs.next();
      }
      if (!thorough) return Optional.empty();
      List<String> problems = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("PRAGMA quick_check(3)")) {
        while (rs.next()) problems.add(rs.getString(1));
      }
      return problems.equals(List.of("ok")) ? Optional.empty() : Optional.of("quick_check: " + String.join("; ", problems));
    } catch (SQLException e) {
      return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /**
   * Moves a damaged database aside and restores the latest backup; returns the message for the person, or
   * empty when the database was fine. Call only while holding the data folder's instance lock.
   */
  static Optional<String> recover(Path dataDir, Path database, Instant now) {
    Optional<String> damage = damage(database, true);
    if (damage.isEmpty()) return Optional.empty();
    Path aside = database.resolveSibling(database.getFileName() + ".corrupt-" + STAMP.format(now));
    try {
      Files.move(database, aside, StandardCopyOption.ATOMIC_MOVE);
      for (String suffix : SIDECARS) {
        Path sidecar = database.resolveSibling(database.getFileName() + suffix);
        if (Files.exists(sidecar)) Files.move(sidecar, aside.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
      }
      Optional<Path> backup = new Backups(dataDir).latest();
      String restored;
      if (backup.isPresent()) {
        Path restoring = database.resolveSibling(database.getFileName() + ".restoring");
        Files.deleteIfExists(restoring);
        DataFiles.createOwnerOnlyFile(restoring);
        Files.copy(backup.get(), restoring, StandardCopyOption.REPLACE_EXISTING);
        Files.move(restoring, database, StandardCopyOption.ATOMIC_MOVE);
        restored = "restored the latest backup " + backup.get().getFileName()
            + "; alerts and acknowledgements made after that backup are only in the damaged copy";
      } else {
        restored = "no backup was found, so Vigil starts with an empty history";
      }
      return Optional.of("the database " + database + " was damaged (" + damage.get() + "); moved it to "
          + aside.getFileName() + " and " + restored);
    } catch (IOException e) {
      throw new StoreException("the database " + database + " is damaged (" + damage.get()
          + ") and could not be moved aside: " + e.getMessage(), e);
    }
  }
}
