package dev.vigil.api;

import dev.vigil.config.Json;
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

  /** What the command line finds for a data folder. */
  public sealed interface Lookup {
    /** A Vigil runs on this very folder. */
    record Running(ApiClient client) implements Lookup {}

    /** No Vigil answers where {@code api-port} points (or there is no such file). */
    record NotRunning() implements Lookup {}

    /**
     * A Vigil answers there, but serves another folder: {@code api-port} came with a copy of that folder, or its
     * port was reused. {@code served} names it, as far as it could be told.
     */
    record OtherFolder(int port, String served) implements Lookup {}
  }

  /** The instance running on this data folder, proven by the folder's identity, not only by the port in the file. */
  public static Lookup lookup(Path dataDir) {
    int port;
    try {
      port = Integer.parseInt(Files.readString(dataDir.resolve(NAME), StandardCharsets.US_ASCII).trim());
    } catch (IOException | NumberFormatException e) {
      return new Lookup.NotRunning();
    }
    ApiClient client = ApiClient.forInstance(dataDir, port);
    if (!client.isRunning()) return new Lookup.NotRunning();
    Optional<FolderIdentity> mine = FolderIdentity.of(dataDir);
    try {
      ApiClient.Response r = client.get("/api/instance");
      if (r.status() == 401) return new Lookup.OtherFolder(port, "a folder with another token");
      if (!r.ok()) return new Lookup.OtherFolder(port, "a folder it does not name (an older Vigil?)");
      com.fasterxml.jackson.databind.JsonNode served = Json.MAPPER.readTree(r.body());
      FolderIdentity theirs = new FolderIdentity(served.path("dataDir").asText(), served.path("folderKey").asText());
      if (mine.isPresent() && mine.get().sameFolder(theirs)) return new Lookup.Running(client);
      return new Lookup.OtherFolder(port, theirs.path());
    } catch (IOException e) {
      return new Lookup.NotRunning();
    }
  }

  /** A client for the instance running on this very data folder, if one answers. */
  public static Optional<ApiClient> runningInstance(Path dataDir) {
    return lookup(dataDir) instanceof Lookup.Running r ? Optional.of(r.client()) : Optional.empty();
  }
}
