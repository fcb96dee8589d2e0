package dev.vigil.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The secret that callers of the local API must present as {@code Authorization: Bearer TOKEN}: 32 random
 * bytes, base64url without padding, kept in {@code DATA/api-token} readable by its owner only (mode 0600).
 */
public final class ApiToken {
  public static final String FILE_NAME = "api-token";
  private static final int BYTES = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final String value;

  private ApiToken(String value) {
    this.value = value;
  }

  /**
   * Reads {@code dataDir/api-token}, creating it (mode 0600 from the start) when missing; an existing file that
   * others could read is narrowed to 0600. A missing data folder is created readable by its owner only.
   */
  public static ApiToken loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    try {
      if (!Files.isDirectory(dataDir)) {
        Files.createDirectories(dataDir);
        if (posix) Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
      }
      if (!Files.exists(file)) {
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
          write(file, token);
          return new ApiToken(token);
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: use theirs
        }
      }
      if (posix && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) Files.setPosixFilePermissions(file, OWNER_ONLY);
      return load(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the API token " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads an existing {@code dataDir/api-token}. */
  public static ApiToken load(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
    if (token.isEmpty()) throw new IOException(file + " is empty");
    return new ApiToken(token);
  }

  private static void write(Path file, String token) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attributes = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
      channel.write(StandardCharsets.US_ASCII.encode(token + "\n"));
      channel.force(true);
    }
    // The umask can only narrow the mode; set it exactly anyway.
    if (posix) Files.setPosixFilePermissions(file, OWNER_ONLY);
  }

  /** Constant-time comparison of what a caller presented with the token. */
  public boolean matches(String presented) {
    if (presented == null) return false;
    return MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
  }

  /** The token itself, for a client of this machine's API. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return "ApiToken[****]";
  }
}
