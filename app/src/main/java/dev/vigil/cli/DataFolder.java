package dev.vigil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The data folder: created owner-only (0700) where the file system has POSIX modes; checked before use. */
final class DataFolder {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
  static final String DATABASE = "vigil.db";

  private DataFolder() {}

  static void create(Path dir) throws IOException {
    ownerOnly(requireFolder(dir));
  }

  /** Creates {@code dir} owner-only (0700) when missing, its missing parents as usual. */
  static void ownerOnly(Path dir) throws IOException {
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

  /** {@code dir} when it is a folder or nothing yet; refused (exit 2) when it names a file. */
  static Path requireFolder(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) throw Refused.usage("--data " + dir + " is a file, not a folder");
    return dir;
  }

  /**
   * {@code dir} when it holds Vigil's database and can be read; refused (exit 1) otherwise, creating nothing.
   * {@code run} is the command that would make the data there.
   */
  static Path requireData(Path dir, String run) {
    requireFolder(dir);
    if (Files.isDirectory(dir) && !(Files.isReadable(dir) && Files.isExecutable(dir))) {
      throw Refused.problem("cannot read " + dir + ": permission denied");
    }
    Path database = dir.resolve(DATABASE);
    if (!Files.isRegularFile(database)) {
      throw Refused.problem("no Vigil data in " + dir + " (start `" + run + "` first)");
    }
    if (!Files.isReadable(database)) throw Refused.problem("cannot read " + database + ": permission denied");
    return dir;
  }
}
