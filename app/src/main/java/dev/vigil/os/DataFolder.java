package dev.vigil.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The data folder and the log folder: created owner-only (0700) where the file system has POSIX modes. */
public final class DataFolder {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
  /** Vigil's database in the data folder. */
  public static final String DATABASE = "vigil.db";

  private DataFolder() {}

  /** Creates {@code dir} owner-only (0700) when missing, its missing parents as usual; an existing folder is left as it is. */
  public static void create(Path dir) throws IOException {
    if (Files.isDirectory(dir)) return;
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (posix) {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.setPosixFilePermissions(dir, OWNER_ONLY);
    } else {
      Files.createDirectory(dir);
    }
  }
}
