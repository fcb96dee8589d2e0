package dev.vigil.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/** The database file in the data folder, readable by its owner only (where the file system has POSIX modes). */
final class DataFiles {
  private static final String DATABASE = "vigil.db";
  private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  private static final List<String> SIDECARS = List.of("-wal", "-shm");

  private DataFiles() {}

  /** Creates the folder (0700) and an empty database file (0600) if missing; returns the database file. */
  static Path prepare(Path dataDir) {
    Path database = dataDir.resolve(DATABASE);
    try {
      boolean posix = isPosix(dataDir);
      if (!Files.isDirectory(dataDir)) {
        Files.createDirectories(dataDir, attributes(posix, OWNER_FOLDER));
        if (posix) Files.setPosixFilePermissions(dataDir, OWNER_FOLDER);
      }
      try {
        Files.createFile(database, attributes(posix, OWNER_FILE));
      } catch (FileAlreadyExistsException alreadyThere) {
        // another process created it first, or it exists from an earlier run
      }
      if (posix) Files.setPosixFilePermissions(database, OWNER_FILE);
      return database;
    } catch (IOException e) {
      throw new StoreException("cannot prepare " + database + ": " + e.getMessage(), e);
    }
  }

  /** SQLite creates the -wal and -shm files itself; gives them the database file's owner-only mode. */
  static void restrictSidecars(Path database) {
    try {
      if (!isPosix(database)) return;
      for (String suffix : SIDECARS) {
        Path sidecar = database.resolveSibling(database.getFileName() + suffix);
        if (Files.exists(sidecar)) Files.setPosixFilePermissions(sidecar, OWNER_FILE);
      }
    } catch (IOException e) {
      throw new StoreException("cannot restrict " + database + " files: " + e.getMessage(), e);
    }
  }

  /** Creates the folder if missing and makes it owner-only (0700). */
  static void ownerOnlyFolder(Path dir) throws IOException {
    boolean posix = isPosix(dir.getParent() == null ? dir : dir.getParent());
    Files.createDirectories(dir, attributes(posix, OWNER_FOLDER));
    if (posix) Files.setPosixFilePermissions(dir, OWNER_FOLDER);
  }

  /** Creates a new, empty file readable by its owner only (0600) from the first moment. */
  static void createOwnerOnlyFile(Path file) throws IOException {
    boolean posix = isPosix(file.getParent());
    Files.createFile(file, attributes(posix, OWNER_FILE));
    if (posix) Files.setPosixFilePermissions(file, OWNER_FILE);
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?>[] attributes(boolean posix, Set<PosixFilePermission> permissions) {
    return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
  }
}
