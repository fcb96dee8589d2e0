package dev.vigil.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A child {@code java dev.vigil.Main ...} on the test class path, for the suites that kill or inspect a real process. */
final class ChildVigil {
  private ChildVigil() {}

  /** {@code vigil run --headless} on the folders, output (stdout and stderr) to {@code log}. */
  static Process start(Path data, Path rules, Path log, List<String> jvmOptions) throws IOException {
    return start(data, rules, log, jvmOptions, Map.of());
  }

  static Process start(Path data, Path rules, Path log, List<String> jvmOptions, Map<String, String> env) throws IOException {
    return command(log, jvmOptions, env,
        List.of("run", "--headless", "--data", data.toString(), "--rules", rules.toString(), "--api-port", "0"));
  }

  /** Any command, output to {@code log}. */
  static Process command(Path log, List<String> jvmOptions, Map<String, String> env, List<String> args) throws IOException {
    return command(List.of(), log, jvmOptions, env, args);
  }

  /** Any command run through {@code wrapper} (e.g. a shell that sets up a network namespace, then runs {@code "$@"}). */
  static Process command(List<String> wrapper, Path log, List<String> jvmOptions, Map<String, String> env, List<String> args)
      throws IOException {
    String classpath = shippedClasspath(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    List<String> command = new ArrayList<>(wrapper);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classpath);
    command.add("-Xmx128m");
    command.addAll(jvmOptions);
    command.add("dev.vigil.Main");
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  /**
   * The classpath as vigil.jar ships it: ical4j without its java.time ZoneRulesProvider (app/pom.xml filters it out of
   * the shaded jar; on the test classpath it would load at every start).
   */
  static synchronized String shippedClasspath(String classpath) throws IOException {
    List<String> out = new ArrayList<>();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      if (!entry.contains("ical4j")) {
        out.add(entry);
        continue;
      }
      Path stripped = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-" + Path.of(entry).getFileName());
      if (!java.nio.file.Files.exists(stripped)) {
        Path tmp = java.nio.file.Files.createTempFile(stripped.getParent(), "vigil-test-", ".jar");
        try (var in = new java.util.zip.ZipFile(entry);
            var zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(tmp))) {
          for (var e : java.util.Collections.list(in.entries())) {
            if (e.getName().equals("META-INF/services/java.time.zone.ZoneRulesProvider")) continue;
            zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
            try (var data = in.getInputStream(e)) {
              data.transferTo(zip);
            }
            zip.closeEntry();
          }
        }
        java.nio.file.Files.move(tmp, stripped, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      out.add(stripped.toString());
    }
    return String.join(java.io.File.pathSeparator, out);
  }

  /** Waits for the "Vigil is watching" line; returns System.nanoTime() when it was seen. */
  static long awaitWatching(Process child, Path log, Duration atMost) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains("Vigil is watching")) return System.nanoTime();
      if (!child.isAlive()) throw new AssertionError("child exited " + child.exitValue() + ":\n" + Files.readString(log));
      Thread.sleep(5);
    }
    throw new AssertionError("child not watching within " + atMost + " (load " + loadAverage() + "):\n"
        + Files.readString(log) + "\n" + threads(child));
  }

  /** The child's threads ({@code jcmd PID Thread.print}), to see where a slow start waits. */
  private static String threads(Process child) {
    try {
      Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          Long.toString(child.pid()), "Thread.print").redirectErrorStream(true).start();
      String dump = new String(jcmd.getInputStream().readAllBytes());
      jcmd.waitFor();
      return dump;
    } catch (IOException | InterruptedException e) {
      return "no thread dump: " + e;
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
