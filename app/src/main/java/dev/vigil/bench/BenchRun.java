package dev.vigil.bench;

import dev.vigil.alert.AlertChange;
import dev.vigil.check.FloorLoop;
import dev.vigil.check.HttpChecker;
import dev.vigil.engine.CheckListener;
import dev.vigil.engine.Engine;
import dev.vigil.rules.RulesLoader;
import dev.vigil.schedule.QuartzScheduler;
import dev.vigil.store.SqliteStore;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of {@code vigil bench}: a fleet of N services in a child process, N monitors in a temp rules
 * folder, the real engine on a real store in a temp data folder. First the floor: the same requests at the same
 * rate from the leanest OkHttp loop ({@link FloorLoop}) in this JVM, before the engine starts. Then four phases:
 * steady watching after a warm-up, "check all now", a storm (every service fails at once), and the storm held open.
 */
public final class BenchRun {
  /** Fleet servers in the child process: one JDK HttpServer has one dispatcher thread. */
  static final int SERVERS = 4;
  static final int FLEET_THREADS = 16;
  /** The floor loop runs this long before it is measured (its code compiled, its pool settled). */
  static final Duration FLOOR_WARM_UP = Duration.ofSeconds(10);
  /** A repeating check started at most this long after its slot was polled on time. */
  static final Duration ON_TIME = Duration.ofSeconds(1);

  private final int endpoints;
  private final Duration interval;
  private final Duration duration;
  private final PrintStream progress;
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public BenchRun(int endpoints, Duration interval, Duration duration, PrintStream progress) {
    if (endpoints < 1) throw new IllegalArgumentException("endpoints must be at least 1, was " + endpoints);
    this.endpoints = endpoints;
    this.interval = interval;
    this.duration = duration;
    this.progress = progress;
  }

  static String name(int service) {
    return String.format("svc-%05d", service);
  }

  public BenchReport run() throws Exception {
    Path root = Files.createTempDirectory("vigil-bench");
    Path rules = Files.createDirectories(root.resolve("rules"));
    Path data = Files.createDirectories(root.resolve("data"));
    BenchReport report = new BenchReport(endpoints, interval, duration);
    try (ChildFleet fleet = ChildFleet.start(SERVERS, FLEET_THREADS)) {
      writeRules(rules, fleet);
      var loaded = RulesLoader.load(rules, Map.of());
      if (!loaded.ok()) throw new IllegalStateException("bench rules invalid: " + loaded.problems());
      floor(report, fleet);
      Clock clock = Clock.systemDefaultZone();
      QuartzScheduler scheduler = new QuartzScheduler();
      HttpChecker checker = HttpChecker.create(clock);
      try (SqliteStore store = SqliteStore.open(data, clock);
          Engine engine = new Engine(loaded.rules(), store, checker, scheduler, clock)) {
        Storm storm = new Storm();
        engine.addListener(storm);
        engine.start();
        steady(report, fleet, scheduler, checker);
        checkAllNow(report, engine);
        footprint(report);
        storm(report, fleet, engine, store, storm);
        stormHeld(report, fleet);
      }
    } finally {
      dev.vigil.os.FileTree.delete(root);
    }
    return report;
  }

  /** The loader refuses a timeout longer than the interval. */
  private Duration timeout() {
    return Duration.ofMillis(Math.min(5_000, interval.toMillis()));
  }

  /**
   * The floor: the same endpoints, interval and slots (each monitor's {@link QuartzScheduler#offset}) from the
   * leanest OkHttp loop, measured for {@code duration} after one request to each (the connections open) and
   * {@link #FLOOR_WARM_UP} of the loop.
   */
  private void floor(BenchReport report, ChildFleet fleet) throws InterruptedException {
    Map<Long, List<String>> slots = new TreeMap<>();
    List<String> urls = new ArrayList<>(endpoints);
    for (int i = 0; i < endpoints; i++) {
      urls.add(fleet.url(i));
      slots.computeIfAbsent(QuartzScheduler.offset(name(i), interval), slot -> new ArrayList<>()).add(fleet.url(i));
    }
    try (FloorLoop floor = new FloorLoop(timeout())) {
      progress.printf("floor: the leanest OkHttp loop, %d requests every %s, warming up...%n", endpoints, interval);
      if (!floor.burst(urls, Duration.ofSeconds(60))) progress.println("floor: not every endpoint answered the first request in 60 s");
      floor.start(slots, interval);
      Thread.sleep(FLOOR_WARM_UP.toMillis());
      long done0 = floor.completed();
      long failed0 = floor.failed();
      long cpu0 = os.getProcessCpuTime();
      long wall0 = System.nanoTime();
      progress.printf("floor: measuring for %ds...%n", duration.toSeconds());
      Thread.sleep(duration.toMillis());
      long cpu = os.getProcessCpuTime() - cpu0;
      long wall = System.nanoTime() - wall0;
      long done = floor.completed() - done0;
      report.floorCpuPercent = 100.0 * cpu / wall;
      report.floorRequestsPerSecond = done / (wall / 1e9);
      report.floorMicrosPerRequest = done == 0 ? Double.NaN : cpu / 1e3 / done;
      report.floorFailed = floor.failed() - failed0;
    }
  }

  private void writeRules(Path rules, ChildFleet fleet) throws IOException {
    long timeoutMillis = timeout().toMillis();
    StringBuilder yaml = new StringBuilder("monitors:\n");
    for (int i = 0; i < endpoints; i++) {
      yaml.append("  - id: ").append(name(i)).append('\n')
          .append("    url: ").append(fleet.url(i)).append('\n')
          .append("    interval: ").append(interval.toMillis()).append("ms\n")
          .append("    timeout: ").append(timeoutMillis).append("ms\n")
          .append("    severity: critical\n")
          .append("    expect: [status == 200]\n");
    }
    Files.writeString(rules.resolve("bench.yaml"), yaml);
  }

  /** Warm-up of one interval (every monitor has run, connections are open), then {@code duration} measured. */
  private void steady(BenchReport report, ChildFleet fleet, QuartzScheduler scheduler, HttpChecker checker)
      throws InterruptedException {
    Duration warmUp = interval.plusSeconds(5);
    progress.printf("warming up for %ds (%d endpoints every %s)...%n", warmUp.toSeconds(), endpoints, interval);
    Thread.sleep(warmUp.toMillis());
    scheduler.lateness().reset();
    HttpChecker.Stats before = checker.stats();
    double fleetBefore = fleet.cpuSeconds();
    long cpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    progress.printf("measuring for %ds...%n", duration.toSeconds());
    Thread.sleep(duration.toMillis());
    long cpu = os.getProcessCpuTime() - cpu0;
    long wall = System.nanoTime() - wall0;
    HttpChecker.Stats after = checker.stats();
    long acquired = after.connectionsAcquired() - before.connectionsAcquired();
    long opened = after.connectionsOpened() - before.connectionsOpened();
    report.cpuPercent = 100.0 * cpu / wall;
    report.fleetCpuPercent = 100.0 * (fleet.cpuSeconds() - fleetBefore) / (wall / 1e9);
    report.checksPerSecond = (after.calls() - before.calls()) / (wall / 1e9);
    report.microsPerCheck = after.calls() == before.calls() ? Double.NaN : cpu / 1e3 / (after.calls() - before.calls());
    report.reuse = acquired == 0 ? 0 : Math.max(0, 1 - (double) opened / acquired);
    report.reuseSinceStart = after.reuseRatio();
    report.latenessP50Millis = scheduler.lateness().percentileMillis(0.50);
    report.latenessP99Millis = scheduler.lateness().percentileMillis(0.99);
    report.latenessMaxMillis = scheduler.lateness().maxMillis();
    report.latenessSamples = scheduler.lateness().count();
    double due = endpoints * (wall / 1e9) / (interval.toMillis() / 1e3);
    report.onTimeShare = Math.min(1, scheduler.lateness().countAtMost(ON_TIME.toMillis()) / due);
  }

  /** "Check all now", three times: until a result that started after the click is committed for every monitor. */
  private void checkAllNow(BenchReport report, Engine engine) throws InterruptedException {
    List<Double> times = new ArrayList<>();
    List<Double> micros = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      Set<String> fresh = ConcurrentHashMap.newKeySet();
      CountDownLatch all = new CountDownLatch(1);
      AtomicLong doneAt = new AtomicLong();
      // A check already in flight when the click comes serves as its monitor's fresh result (the engine does not
      // start a second one), hence the small allowance before the click.
      Instant since = Instant.now().minusMillis(100);
      CheckListener listener = (monitor, verdict) -> {
        if (!verdict.observation().at().isBefore(since) && fresh.add(monitor.id()) && fresh.size() == endpoints) {
          doneAt.set(System.nanoTime());
          all.countDown();
        }
      };
      engine.addCheckListener(listener);
      long cpu0 = os.getProcessCpuTime();
      long start = System.nanoTime();
      engine.checkAllNow();
      boolean done = all.await(60, TimeUnit.SECONDS);
      long cpu = os.getProcessCpuTime() - cpu0;
      engine.removeCheckListener(listener);
      times.add(done ? (doneAt.get() - start) / 1e6 : Double.NaN);
      micros.add(done ? cpu / 1e3 / endpoints : Double.NaN);
      progress.printf("check all now: %s%n", done ? String.format("%.0f ms", times.get(round)) : "not done in 60 s");
      Thread.sleep(3_000);
    }
    report.checkAllNowMillis = times;
    report.checkAllNowMicrosPerCheck = micros;
  }

  private void footprint(BenchReport report) throws InterruptedException {
    System.gc();
    Thread.sleep(2_000);
    report.rssMegabytes = rssKilobytes() / 1024.0;
    report.heapUsedMegabytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    report.heapCommittedMegabytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1048576.0;
  }

  /** Every service fails at once and is checked at once: N first failures, then N confirming rechecks together. */
  private void storm(BenchReport report, ChildFleet fleet, Engine engine, SqliteStore store, Storm storm)
      throws Exception {
    progress.printf("storm: all %d services down...%n", endpoints);
    long start = System.nanoTime();
    storm.start(endpoints);
    fleet.allDown();
    engine.checkAllNow();
    boolean done = storm.all.await(interval.multipliedBy(3).plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
    report.stormAllStoredMillis = done ? (storm.lastAt.get() - start) / 1e6 : Double.NaN;
    report.stormFired = storm.fired.get();
    List<Long> delays = new ArrayList<>(storm.delays);
    Collections.sort(delays);
    report.stormDelayP50Millis = percentile(delays, 0.50);
    report.stormDelayP99Millis = percentile(delays, 0.99);
    report.stormDelayMaxMillis = delays.isEmpty() ? 0 : delays.get(delays.size() - 1);
    Thread.sleep(1_000);
    report.stormOpenAlerts = store.openAlerts().size();
    List<Double> loads = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long t = System.nanoTime();
      store.openAlerts();
      loads.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(loads);
    report.openAlertsLoadMillis = loads.get(2);
    progress.printf("storm: %d FIRED, all stored and published after %.0f ms%n", report.stormFired, report.stormAllStoredMillis);
  }

  /** CPU while the storm's alerts stay open and every check folds a repeat into them. */
  private void stormHeld(BenchReport report, ChildFleet fleet) throws Exception {
    Duration held = duration.compareTo(Duration.ofSeconds(30)) < 0 ? duration : Duration.ofSeconds(30);
    progress.printf("storm held open for %ds...%n", held.toSeconds());
    long cpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    Thread.sleep(held.toMillis());
    report.stormHeldCpuPercent = 100.0 * (os.getProcessCpuTime() - cpu0) / (System.nanoTime() - wall0);
    fleet.allUp();
  }

  private static long percentile(List<Long> sorted, double q) {
    if (sorted.isEmpty()) return 0;
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  static long rssKilobytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return -1;
  }


  /** Counts FIRED changes the engine publishes, and how long after its confirming check each one came. */
  private static final class Storm implements dev.vigil.alert.AlertListener {
    final AtomicLong fired = new AtomicLong();
    final AtomicLong lastAt = new AtomicLong();
    final List<Long> delays = Collections.synchronizedList(new ArrayList<>());
    volatile CountDownLatch all = new CountDownLatch(1);
    volatile int expected = Integer.MAX_VALUE;

    void start(int expected) {
      this.expected = expected;
    }

    @Override
    public void onChange(AlertChange change) {
      if (change.kind() != AlertChange.Kind.FIRED) return;
      delays.add(Duration.between(change.alert().lastSeen(), Instant.now()).toMillis());
      lastAt.set(System.nanoTime());
      if (fired.incrementAndGet() >= expected) all.countDown();
    }
  }
}
