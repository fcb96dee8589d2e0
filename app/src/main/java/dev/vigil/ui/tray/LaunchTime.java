package dev.vigil.ui.tray;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs once, at INFO, how long after launch the tray icon or the status window first appeared: from the start of
 * the process, which is what the person waits for (a launcher's own work before Java starts counts), and from the
 * JVM's start.
 */
final class LaunchTime {
  private static final Logger log = LoggerFactory.getLogger(LaunchTime.class);
  private static final AtomicBoolean logged = new AtomicBoolean();

  private LaunchTime() {}

  static void shown(String what) {
    if (!logged.compareAndSet(false, true)) return;
    long sinceJvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    long sinceProcess = processAgeMillis().orElse(sinceJvm);
    log.info("{} shown after {} ms (JVM start: {} ms)", what, Math.max(sinceProcess, sinceJvm), sinceJvm);
  }

  /**
   * How long this process has run, from Linux's own clock since boot (10 ms steps). Not
   * {@code ProcessHandle.info().startInstant()}: it adds the boot time in whole seconds, so it can be a second off.
   */
  static OptionalLong processAgeMillis() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // the name may hold spaces
      long startTicks = Long.parseLong(fields[19]); // field 22, starttime, in clock ticks (100 a second)
      double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
      return OptionalLong.of(Math.round(uptime * 1000) - startTicks * 10);
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}
