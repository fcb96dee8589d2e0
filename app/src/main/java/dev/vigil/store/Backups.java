package dev.vigil.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Daily copies of the database in {@code DATA/backups/vigil-YYYY-MM-DD.db} (folder 0700, files 0600), the last
 * {@link #KEEP} kept. A copy is a consistent snapshot made with {@code VACUUM INTO} while Vigil runs; it is
 * written under a temporary name and renamed, so a crash never leaves a half backup under a real name.
 */
public final class Backups {
  public static final int KEEP = 7;
  static final String FOLDER = "backups";
  private static final Pattern NAME = Pattern.compile("vigil-(\\d{4}-\\d{2}-\\d{2})\\.db");

  private final Path dataDir;

  public Backups(Path dataDir) {
    this.dataDir = dataDir;
  }

  public Path folder() {
    return dataDir.resolve(FOLDER);
  }

  /** Makes today's backup (in {@code zone}) unless it exists, then keeps the newest {@link #KEEP}; returns the new file. */
  public Optional<Path> daily(Instant now, ZoneId zone) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    Path target = folder().resolve("vigil-" + today + ".db");
    if (Files.exists(target)) return Optional.empty();
    Path made = backupTo(target);
    prune();
    return Optional.of(made);
  }

  /** The backups, newest first. */
  public List<Path> list() {
    if (!Files.isDirectory(folder())) return List.of();
    try (Stream<Path> files = Files.list(folder())) {
      return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
          .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new StoreException("cannot list " + folder() + ": " + e.getMessage(), e);
    }
  }

  public Optional<Path> latest() {
    return list().stream().findFirst();
  }

  private Path backupTo(Path target) {
    Path database = DataFiles.prepare(dataDir);
    try {
      DataFiles.ownerOnlyFolder(folder());
      Path partial = folder().resolve(target.getFileName() + ".partial");
      Files.deleteIfExists(partial);
      // VACUUM INTO accepts an empty file: creating it first gives it mode 0600 from the start.
      DataFiles.createOwnerOnlyFile(partial);
      try (Connection db = Database.config(true).createConnection("jdbc:sqlite:" + database.toAbsolutePath());
          Statement vacuum = db.createStatement()) {
        vacuum.execute("VACUUM INTO '" + partial.toAbsolutePath().toString().replace("'", "''") + "'");
      }
      return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | SQLException e) {
      throw new StoreException("cannot back up the database to " + target + ": " + e.getMessage(), e);
    }
  }

  private void prune() {
    List<Path> all = list();
    for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
      try {
        Files.deleteIfExists(old);
      } catch (IOException e) {
        throw new StoreException("cannot delete the old backup " + old + ": " + e.getMessage(), e);
      }
    }
  }
}
