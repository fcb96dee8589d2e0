package dev.vigil.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Drives a {@link FleetProcess}: service {@code i} lives on server {@code i % servers}. */
final class ChildFleet implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;
  private final int[] ports;

  private ChildFleet(Process process, BufferedReader out, PrintWriter in, int[] ports) {
    this.process = process;
    this.out = out;
    this.in = in;
    this.ports = ports;
  }

  static ChildFleet start(int servers, int threadsPerServer) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(
        java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        // The JDK server closes idle connections after 30 s and keeps at most 200: that would be the fleet's
        // limit, not Vigil's.
        "-Dsun.net.httpserver.idleInterval=3600",
        "-Dsun.net.httpserver.maxIdleConnections=100000",
        "-cp", System.getProperty("java.class.path"),
        FleetProcess.class.getName(), String.valueOf(servers), String.valueOf(threadsPerServer)));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    PrintWriter in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    String ready = out.readLine();
    if (ready == null || !ready.startsWith("ready ")) {
      process.destroyForcibly();
      throw new IOException("the fleet process did not start: " + ready);
    }
    int[] ports = Arrays.stream(ready.substring(6).split(",")).mapToInt(Integer::parseInt).toArray();
    return new ChildFleet(process, out, in, ports);
  }

  String url(int service) {
    return "http://127.0.0.1:" + ports[service % ports.length] + "/svc/" + BenchRun.name(service);
  }

  void allDown() throws IOException {
    command("down");
  }

  void allUp() throws IOException {
    command("up");
  }

  /** CPU seconds the fleet process has used (Linux), or -1 when unknown. */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private void command(String line) throws IOException {
    in.println(line);
    String answer = out.readLine();
    if (!"ok".equals(answer)) throw new IOException("the fleet process answered " + answer + " to " + line);
  }

  @Override
  public void close() {
    in.close();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
