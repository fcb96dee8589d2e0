package dev.vigil.os;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/** Windows: the value {@code Vigil} under {@code HKCU\Software\Microsoft\Windows\CurrentVersion\Run}, set with {@code reg}. */
final class WindowsRunKey implements Autostart {
  static final String KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
  static final String VALUE = "Vigil";
  private final List<String> command;
  private final Processes processes;

  WindowsRunKey(List<String> command, Processes processes) {
    this.command = List.copyOf(command);
    this.processes = processes;
  }

  @Override
  public void enable() throws IOException {
    check(processes.run(List.of("reg", "add", KEY, "/v", VALUE, "/t", "REG_SZ", "/d", commandLine(command), "/f")), "add");
  }

  @Override
  public void disable() throws IOException {
    if (enabled()) check(processes.run(List.of("reg", "delete", KEY, "/v", VALUE, "/f")), "delete");
  }

  @Override
  public boolean enabled() throws IOException {
    return processes.run(List.of("reg", "query", KEY, "/v", VALUE)).exitCode() == 0;
  }

  @Override
  public String where() {
    return KEY + "\\" + VALUE;
  }

  /** The value Windows runs: arguments with spaces or quotes in double quotes, inner quotes escaped. */
  static String commandLine(List<String> command) {
    return command.stream()
        .map(a -> a.isEmpty() || a.matches(".*[\\s\"].*") ? "\"" + a.replace("\"", "\\\"") + "\"" : a)
        .collect(Collectors.joining(" "));
  }

  private static void check(Processes.Result result, String what) throws IOException {
    if (result.exitCode() != 0) {
      throw new IOException("reg " + what + " " + KEY + " /v " + VALUE + " failed (exit " + result.exitCode() + "): "
          + result.output().strip());
    }
  }
}
