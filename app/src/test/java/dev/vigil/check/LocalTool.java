package dev.vigil.check;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A program a test runs for real (openssl, dnsmasq), found on the PATH or in /usr/sbin. Without it the test is
 * skipped with the reason, unless the named environment variable is 1 (CI, see .ci/run), where it fails.
 */
final class LocalTool {
  private LocalTool() {}

  static Path require(String name, String requiredBy, String installHint) {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
    for (String folder : path.split(File.pathSeparator)) {
      Path candidate = Path.of(folder, name);
      if (!folder.isEmpty() && Files.isExecutable(candidate)) return candidate;
    }
    String missing = name + " not found (" + installHint + ")";
    String required = System.getenv(requiredBy);
    if ("1".equals(required) || "true".equalsIgnoreCase(required)) throw new IllegalStateException(missing);
    System.err.println("SKIPPED: " + missing + ": skipping the tests against a real " + name);
    assumeTrue(false, missing);
    return null;
  }

  /** Runs a command to its end, failing with its output when it fails. */
  static void run(Path dir, List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
  }

  static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return free.getLocalPort();
    }
  }
}
