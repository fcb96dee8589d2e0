package dev.vigil.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * {@code DATA/api-port}: where the running instance's local API listens, so the command line of the same data
 * folder finds it whatever {@code --api-port} was. Written after the API starts, removed when it stops.
 */
public final class ApiPortFile {
  static final String NAME = "api-port";

  private ApiPortFile() {}

  public static void write(Path dataDir, int port) throws IOException {
    Path file = dataDir.resolve(NAME);
    Path tmp = dataDir.resolve(NAME + ".tmp");
    Files.writeString(tmp, Integer.toString(port), StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the data folder's ACL applies
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  public static void remove(Path dataDir) {
    try {
      Files.deleteIfExists(dataDir.resolve(NAME));
    } catch (IOException ignored) {
      // a stale file only costs the command line one refused connection
    }
  }

  /** A client for the instance running on this data folder, if one answers. */
  public static Optional<ApiClient> runningInstance(Path dataDir) {
    try {
      int port = Integer.parseInt(Files.readString(dataDir.resolve(NAME), StandardCharsets.US_ASCII).trim());
      ApiClient client = ApiClient.forInstance(dataDir, port);
      return client.isRunning() ? Optional.of(client) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
