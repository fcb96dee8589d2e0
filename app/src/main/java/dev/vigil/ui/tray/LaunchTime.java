package dev.vigil.ui.tray;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs once, at INFO, how long after JVM start the tray icon or the status window first appeared. */
final class LaunchTime {
  private static final Logger log = LoggerFactory.getLogger(LaunchTime.class);
  private static final AtomicBoolean logged = new AtomicBoolean();

  private LaunchTime() {}

  static void shown(String what) {
    if (!logged.compareAndSet(false, true)) return;
    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    log.info("{} shown after {} ms", what, ms);
  }
}
