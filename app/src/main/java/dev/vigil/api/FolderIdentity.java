package dev.vigil.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;

/**
 * Which data folder an instance serves: its real path and its file key (device and inode on Linux and macOS). A
 * copy of the folder ({@code cp -a A B}) carries A's {@code api-port} and {@code api-token}, so only these tell A's
 * running Vigil from a Vigil for B; the file key also catches a folder reached by another path (a symbolic link).
 */
public record FolderIdentity(String path, String key) {

  /** The identity of {@code dataDir}, or empty when it cannot be read. */
  public static Optional<FolderIdentity> of(Path dataDir) {
    try {
      Path real = dataDir.toRealPath();
      Object key = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
      return Optional.of(new FolderIdentity(real.toString(), key == null ? "" : key.toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The same folder: the same file key where the file system has one, else the same real path. */
  public boolean sameFolder(FolderIdentity other) {
    if (!key.isEmpty() && !other.key.isEmpty()) return key.equals(other.key);
    return path.equals(other.path);
  }

  Map<String, String> json() {
    return Map.of("dataDir", path, "folderKey", key);
  }
}
