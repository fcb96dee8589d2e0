package dev.vigil.app;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a long-running {@code vigil run} small when started with plain {@code java -jar} (no launcher flags): on a
 * big machine the JVM picks G1 with an initial heap of 1/64 of the RAM (about 380 MB on 24 GB) and keeps what it
 * touched, although the watch lives in 15-30 MB. At start this sets HotSpot's "manageable" flags that let the heap
 * give memory back (free ratios 10-30 %; for G1 also a collection after a long stretch without one), and once
 * start-up garbage is done it collects (twice), so the heap shrinks to what is live, and trims the C heap (glibc keeps
 * what start-up freed), so the resident size follows.
 * Flags set on the command line are left as they are, and with the launcher's flags ({@code installer/jvm.options}:
 * Serial GC, a 24 MB initial heap) it does nothing: the heap is small by then, and measured with those flags the
 * settling cost more than it gave (BENCHMARKS.md, history, 2026-12-06). Through JMX by name, so a runtime without the
 * {@code jdk.management} module simply skips it.
 */
public final class Footprint {
  private static final Logger log = LoggerFactory.getLogger(Footprint.class);
  /**
   * Start-up (schema check, rules, Quartz, the tray) allocates most of what a watch ever throws away: settle once it
   * is done, and once more a little later, for a slow start on a busy machine and the tray's first pictures.
   */
  static final List<Duration> SETTLE = List.of(Duration.ofSeconds(20), Duration.ofSeconds(60));
  /** G1 collects (concurrently) when it has not collected for this long, and may shrink the heap after it. */
  static final Duration IDLE_COLLECTION = Duration.ofMinutes(5);
  static final String MIN_FREE = "10";
  static final String MAX_FREE = "30";

  private static final AtomicBoolean started = new AtomicBoolean();

  private Footprint() {}

  /** Sets the flags, and settles (collects, trims) at each of {@link #SETTLE}, on a short-lived daemon thread. */
  public static void keepSmall() {
    if (!started.compareAndSet(false, true)) return;
    // on its own thread: the platform MBean server takes about 0.2 s to start, time the tray should not wait for
    Thread settle = new Thread(Footprint::settle, "vigil-settle");
    settle.setDaemon(true);
    settle.start();
  }

  /** True when the JVM runs with the launcher's flags (the installed launcher, the README's run command). */
  static boolean launcherFlags(List<String> jvmArguments) {
    return jvmArguments.contains("-XX:+UseSerialGC");
  }

  private static void settle() {
    if (launcherFlags(ManagementFactory.getRuntimeMXBean().getInputArguments())) return;
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName hotspot;
    try {
      hotspot = new ObjectName("com.sun.management:type=HotSpotDiagnostic");
      if (!server.isRegistered(hotspot)) return;
    } catch (JMException e) {
      return;
    }
    // the minimum first: HotSpot refuses a maximum below the current minimum (40 by default)
    if (isDefault(server, hotspot, "MinHeapFreeRatio") && isDefault(server, hotspot, "MaxHeapFreeRatio")) {
      set(server, hotspot, "MinHeapFreeRatio", MIN_FREE);
      set(server, hotspot, "MaxHeapFreeRatio", MAX_FREE);
    }
    if ("true".equals(option(server, hotspot, "UseG1GC", "value")) && isDefault(server, hotspot, "G1PeriodicGCInterval")) {
      set(server, hotspot, "G1PeriodicGCInterval", Long.toString(IDLE_COLLECTION.toMillis()));
    }
    try {
      long slept = 0;
      for (Duration at : SETTLE) {
        Thread.sleep(at.toMillis() - slept);
        slept = at.toMillis();
        System.gc(); // the heap shrinks to the free ratios above: start-up garbage gone, the resident size follows
        trimNativeHeap(server);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Hands the C heap's free pages back to the OS (glibc's malloc_trim, through the {@code System.trim_native_heap}
   * diagnostic command): start-up (GTK, fonts, the JIT, SQLite) frees tens of MB that malloc otherwise keeps.
   */
  private static void trimNativeHeap(MBeanServer server) {
    try {
      Object said = server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
          new Object[] {null}, new String[] {String[].class.getName()});
      log.debug("{}", said);
    } catch (JMException | RuntimeException e) {
      log.debug("native heap not trimmed: {}", e.getMessage());
    }
  }

  private static boolean isDefault(MBeanServer server, ObjectName hotspot, String flag) {
    String origin = option(server, hotspot, flag, "origin");
    return "DEFAULT".equals(origin) || "ERGONOMIC".equals(origin);
  }

  private static String option(MBeanServer server, ObjectName hotspot, String flag, String field) {
    try {
      CompositeData option = (CompositeData) server.invoke(hotspot, "getVMOption", new Object[] {flag},
          new String[] {String.class.getName()});
      return String.valueOf(option.get(field));
    } catch (JMException | RuntimeException e) {
      return "";
    }
  }

  private static void set(MBeanServer server, ObjectName hotspot, String flag, String value) {
    try {
      server.invoke(hotspot, "setVMOption", new Object[] {flag, value},
          new String[] {String.class.getName(), String.class.getName()});
      log.debug("{}={}", flag, value);
    } catch (JMException | RuntimeException e) {
      log.debug("cannot set {}={}: {}", flag, value, e.getMessage());
    }
  }
}
