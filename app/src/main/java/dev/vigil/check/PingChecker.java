package dev.vigil.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ping: host}: one ICMP echo through the system's {@code ping} command, which holds the privilege to send
 * ICMP (Java alone would fall back to TCP port 7 and call that a ping). Where the command is missing or not
 * allowed to send ICMP, {@link #unavailable()} says why, and {@code vigil validate} reports it.
 */
public final class PingChecker implements Checker {
  private static final Pattern TIME = Pattern.compile("time[=<]\\s*([0-9.]+)\\s*ms");
  private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
  private static final int OUTPUT_CAP = 8192;
  private static volatile Optional<String> unavailable;

  private final BlockingChecks blocking;

  PingChecker(Clock clock) {
    this.blocking = new BlockingChecks(clock, "vigil-ping");
  }

  /**
   * Why ICMP ping cannot be used on this machine, or empty when it can: found out once per process by pinging
   * 127.0.0.1.
   */
  public static Optional<String> unavailable() {
    Optional<String> known = unavailable;
    if (known == null) unavailable = known = tryLoopback();
    return known;
  }

  private static Optional<String> tryLoopback() {
    try {
      Process p = new ProcessBuilder(command("127.0.0.1", Duration.ofSeconds(2))).redirectErrorStream(true).start();
      String output = read(p.getInputStream());
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.of("ICMP ping is not available here: the ping command did not answer within 5s");
      }
      if (p.exitValue() == 0) return Optional.empty();
      String first = output.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit " + p.exitValue()).strip();
      return Optional.of("ICMP ping is not allowed here: " + first);
    } catch (IOException e) {
      return Optional.of("ICMP ping is not available here: no ping command on the PATH");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("ICMP ping is not available here: interrupted");
    }
  }

  static List<String> command(String host, Duration timeout) {
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    if (WINDOWS) return List.of("ping", "-n", "1", "-w", String.valueOf(Math.max(1, timeout.toMillis())), host);
    if (MAC) return List.of("ping", "-n", "-c", "1", "-t", String.valueOf(seconds), host);
    return List.of("ping", "-n", "-c", "1", "-W", String.valueOf(seconds), host);
  }

  @Override
  public CompletableFuture<Observation> check(CheckRequest request) {
    Target.Ping ping = (Target.Ping) request.target();
    return blocking.run(request, ping.host(), probe -> observe(probe, ping));
  }

  private static Observation observe(Probe probe, Target.Ping ping) throws IOException {
    if (ping.host().startsWith("-")) return probe.failed(new Failure(FailureClass.DNS, "unknown host " + ping.host()));
    Process process = new ProcessBuilder(command(ping.host(), Duration.ofMillis(probe.remainingMillis())))
        .redirectErrorStream(true)
        .start();
    probe.hold(process::destroyForcibly);
    String output = read(process.getInputStream());
    int exit;
    try {
      exit = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted");
    }
    if (exit != 0) return probe.failed(failure(output, ping.host(), probe.request.timeout()));
    Matcher time = TIME.matcher(output);
    Duration latency = time.find()
        ? Duration.ofNanos((long) (Double.parseDouble(time.group(1)) * 1_000_000))
        : probe.elapsed();
    return new Observation(probe.at, null, null, -1, latency, Map.of(), null, false, null);
  }

  private static Failure failure(String output, String host, Duration timeout) {
    String lower = output.toLowerCase(Locale.ROOT);
    if (lower.contains("unknown host") || lower.contains("not known") || lower.contains("could not find host")
        || lower.contains("cannot resolve") || lower.contains("temporary failure in name resolution")) {
      return new Failure(FailureClass.DNS, "unknown host " + host);
    }
    if (lower.contains("unreachable")) return new Failure(FailureClass.CONNECT, "host unreachable: " + host);
    if (lower.contains("not permitted") || lower.contains("permission denied")) {
      return new Failure(FailureClass.CONNECT, "ICMP ping is not allowed here");
    }
    return new Failure(FailureClass.TIMEOUT, "no reply from " + host + " within " + Failure.format(timeout));
  }

  private static String read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(OUTPUT_CAP);
    in.transferTo(java.io.OutputStream.nullOutputStream());
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    blocking.close();
  }
}
