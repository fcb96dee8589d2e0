package dev.vigil.engine;

import dev.vigil.config.Durations;
import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertListener;
import dev.vigil.alert.ExternalAlert;
import dev.vigil.alert.Intake;
import dev.vigil.alert.Severity;
import dev.vigil.check.CheckRequest;
import dev.vigil.check.Checker;
import dev.vigil.dedupe.Fingerprint;
import dev.vigil.evaluate.Evaluator;
import dev.vigil.evaluate.Verdict;
import dev.vigil.config.RuleProblem;
import dev.vigil.rules.Monitor;
import dev.vigil.rules.RuleSet;
import dev.vigil.schedule.CheckScheduler;
import dev.vigil.schedule.RetryAfter;
import dev.vigil.state.NetworkSense;
import dev.vigil.store.AlertStore;
import dev.vigil.store.Backups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring path, headless: rules are scheduled, checks run, verdicts fold into monitor state, and
 * confirmed problems become deduplicated alerts in the store. Committed changes go to the listeners (the
 * notifier, the tray), whichever process made them.
 */
public final class Engine implements Intake, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);
  /**
   * How often the change watcher looks for other processes' commits (a {@code vigil ack} written straight to the
   * database, when no running instance answers the command) while an alert fires: an alarm may be ringing, and such
   * an acknowledgement stops it within this. This process's own alert writes (the API's acknowledgements included)
   * make it look at once instead, at most every {@link #CHANGE_SPACING}. While no alert fires, nothing rings: it
   * looks at each {@link #HOUSEKEEPING} tick only, and such a commit (a snooze, an acknowledgement of an alert
   * already acknowledged) shows in the tray and the windows within that, as the desktop's own refresh does.
   */
  static final Duration CHANGE_POLL = Duration.ofMillis(500);
  static final Duration CHANGE_SPACING = Duration.ofMillis(200);
  static final Duration HOUSEKEEPING = Duration.ofSeconds(5);
  /** After "check all now", results commit at once for the longest timeout plus this. */
  static final Duration HURRY_MARGIN = Duration.ofSeconds(5);
  /** How long after a sleep or clock jump network-like failures do not count towards a new alert. */
  static final Duration WAKE_GRACE = Duration.ofSeconds(30);
  static final Duration FIRST_BACKUP = Duration.ofSeconds(5);
  static final Duration BACKUP_CHECK = Duration.ofHours(1);

  private final AlertStore store;
  private final Checker checker;
  private final CheckScheduler scheduler;
  private final Clock clock;
  private final Pipeline pipeline;
  private final ChangeWatcher changes;
  /** A look of the change watcher is scheduled (after this process wrote an alert), and when it last looked. */
  private final java.util.concurrent.atomic.AtomicBoolean changePollQueued = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile long lastChangePoll = System.nanoTime();
  /** A look in {@link #CHANGE_POLL} is scheduled: an alert fires. */
  private final java.util.concurrent.atomic.AtomicBoolean closeLookQueued = new java.util.concurrent.atomic.AtomicBoolean();
  private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
  private final List<CheckListener> checkListeners = new CopyOnWriteArrayList<>();
  private final MonitorBoard board = new MonitorBoard();
  /** Monitors paused by hand, each until when: not checked meanwhile. Re-read from the store at every housekeeping. */
  private volatile Map<String, Instant> paused = Map.of();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService housekeeping =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "vigil-housekeeping"));
  private volatile Map<String, Monitor> monitors = Map.of();
  private volatile RuleSet rules;
  /** Monitors whose server answered with Retry-After: no check before this. */
  private final Map<String, Instant> retryNotBefore = new ConcurrentHashMap<>();
  private volatile Instant lastCompleted;
  private volatile Instant startedAt;
  private volatile Instant watchingSince;
  private volatile Reload lastReload;
  private volatile HeartbeatSink heartbeats = (id, at) -> false;
  private final List<java.util.function.Consumer<RuleSet>> reloadListeners = new CopyOnWriteArrayList<>();
  private volatile Backups backups;
  private ScheduledExecutorService backupThread;
  private Instant lastTickWall;
  private long lastTickNanos;

  public Engine(RuleSet rules, AlertStore store, Checker checker, CheckScheduler scheduler, Clock clock) {
    this.rules = rules;
    this.store = store;
    this.checker = checker;
    this.scheduler = scheduler;
    this.clock = clock;
    this.changes = new ChangeWatcher(store, this::publish, clock);
    this.pipeline = new Pipeline(store, this::recheck, this::checkCommitted);
    checkListeners.add(board);
  }

  /** Loads open alerts, then schedules every monitor. */
  public void start() {
    startedAt = clock.instant();
    watchingSince = startedAt;
    lastReload = new Reload(startedAt, List.of());
    refreshPauses();
    changes.prime();
    pipeline.start(store.openAlerts());
    apply(rules);
    scheduler.start();
    store.whenAlertsWritten(this::pollChangesSoon);
    lookCloselyWhileFiring();
    noticeGap();
    housekeeping.scheduleWithFixedDelay(
        guarded(this::housekeep), HOUSEKEEPING.toMillis(), HOUSEKEEPING.toMillis(), TimeUnit.MILLISECONDS);
    if (backups != null) {
      backupThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "vigil-backup"));
      backupThread.scheduleWithFixedDelay(guarded(this::backUp), FIRST_BACKUP.toMillis(), BACKUP_CHECK.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    housekeeping.scheduleWithFixedDelay(guarded(() -> store.applyRetention(clock.instant())), 1, 24 * 60, TimeUnit.MINUTES);
    log.info("watching {} monitors", monitors.size());
  }

  /** Replaces the running rules (hot reload): new monitors start, removed ones stop, changed ones restart. */
  public void reload(RuleSet next) {
    Set<String> gone = new java.util.HashSet<>(monitors.keySet());
    next.monitors().forEach(m -> gone.remove(m.id()));
    gone.forEach(scheduler::unschedule);
    rules = next;
    apply(next);
    lastReload = new Reload(clock.instant(), List.of());
    gone.forEach(this::closeRemoved);
    log.info("rules reloaded: {} monitors", monitors.size());
    reloadListeners.forEach(l -> l.accept(next));
  }

  /**
   * An edit of the rules folder that had problems: nothing of it is applied, the rules and policy in force stay,
   * and {@link #status()} and {@link #lastReload()} say so until an edit reads clean.
   */
  public void refuse(List<RuleProblem> problems) {
    if (problems.isEmpty()) throw new IllegalArgumentException("a refused reload has problems");
    lastReload = new Reload(clock.instant(), problems);
  }

  /** The last reading of the rules folder while watching (the start, until an edit came). */
  public Reload lastReload() {
    Reload r = lastReload;
    return r != null ? r : new Reload(clock.instant(), List.of());
  }

  /** When {@link #start} was called; null before. */
  public Instant watchingSince() {
    return watchingSince;
  }

  private void apply(RuleSet next) {
    Map<String, Monitor> byId = new java.util.LinkedHashMap<>();
    next.monitors().forEach(m -> byId.put(m.id(), m));
    monitors = Map.copyOf(byId);
    board.keepOnly(byId.keySet());
    pipeline.configure(byId.values());
    pipeline.dependsOn(next.dependsOn(), next.sources());
    for (Monitor m : byId.values()) {
      try {
        scheduler.schedule(m.id(), m.interval(), () -> runCheck(m.id(), false));
      } catch (RuntimeException e) {
        log.error("monitor {} cannot be scheduled (every {}): {}; the others are", m.id(), m.interval(), e.toString());
      }
    }
  }

  /**
   * A monitor gone from the rules (removed or renamed) cannot recover by itself: its open alert is resolved, saying
   * why, instead of firing for ever. A monitor that comes back opens a new alert when it fails again.
   */
  private void closeRemoved(String monitorId) {
    String fingerprint = Fingerprint.ofMonitor(monitorId);
    if (store.findOpen(fingerprint).isEmpty()) return;
    ExternalAlert closed = new ExternalAlert(fingerprint, monitorId, Severity.INFO, "", Map.of(), true, clock.instant(),
        "a rules reload: monitor " + monitorId + " is no longer in the rules");
    pipeline.submit(new Work.Intake(closed, new CompletableFuture<>()));
  }

  /** Makes a daily backup of the store (checked hourly, on a thread of its own); call before {@link #start}. */
  public void backups(Backups backups) {
    this.backups = backups;
  }

  public RuleSet rules() {
    return rules;
  }

  public void addListener(AlertListener listener) {
    listeners.add(listener);
  }

  public void removeListener(AlertListener listener) {
    listeners.remove(listener);
  }

  /** Adds a listener told of every check result after it is committed. */
  public void addCheckListener(CheckListener listener) {
    checkListeners.add(listener);
  }

  public void removeCheckListener(CheckListener listener) {
    checkListeners.remove(listener);
  }

  /** Hears every successful hot reload of the rules. */
  public void addReloadListener(java.util.function.Consumer<RuleSet> listener) {
    reloadListeners.add(listener);
  }

  /** Installs what answers {@code POST /api/heartbeat/ID}. */
  public void heartbeatSink(HeartbeatSink sink) {
    this.heartbeats = sink;
  }

  /** "Check all now". */
  public void checkAllNow() {
    // Somebody is waiting for these results: each is committed as it comes, not with the routine ones once a second.
    Duration longest = monitors.values().stream().map(Monitor::timeout).max(Duration::compareTo).orElse(Duration.ZERO);
    pipeline.hurry(longest.plus(HURRY_MARGIN));
    scheduler.runAllNow();
  }

  /** "Check now" for one monitor: its result is committed at once, not with the routine ones. */
  public void checkNow(String monitorId) {
    Monitor m = monitors.get(monitorId);
    if (m == null) return;
    pipeline.hurry(m.timeout().plus(HURRY_MARGIN));
    runCheck(monitorId, false);
  }

  /**
   * A fresh check of one monitor on a new connection, for "confirm before waking": completes with true when it
   * still fails. Unknown monitors complete with false.
   */
  public CompletableFuture<Boolean> stillFailing(String monitorId) {
    Monitor m = monitors.get(monitorId);
    if (m == null || isPaused(monitorId)) return CompletableFuture.completedFuture(false);
    return checker.check(request(m, true)).thenApply(o -> !Evaluator.evaluate(o, m.expect()).passed());
  }

  public WatchStatus status() {
    Reload r = lastReload;
    return watching().withReloadProblems(r == null ? 0 : r.problems().size());
  }

  private WatchStatus watching() {
    if (monitors.isEmpty() && rules.heartbeats().isEmpty() && rules.sources().isEmpty()) {
      return WatchStatus.notWatching("no rules");
    }
    if (!pipeline.storageHealthy()) return WatchStatus.notWatching("storage degraded: " + pipeline.storageProblem());
    Optional<NetworkSense.Offline> offline = pipeline.networkDown();
    if (offline.isPresent()) return WatchStatus.notWatching(offline.get().reason());
    Duration shortest = shortestInterval().orElse(null);
    if (shortest != null) {
      Instant since = lastCompleted != null ? lastCompleted : startedAt;
      Duration quiet = Duration.between(since, clock.instant());
      Duration limit = shortest.multipliedBy(3).plus(Duration.ofSeconds(10));
      if (quiet.compareTo(limit) > 0) {
        return WatchStatus.notWatching("monitoring stalled: no check completed for " + quiet.toSeconds() + "s");
      }
    }
    return WatchStatus.WATCHING;
  }

  @Override
  public boolean heartbeat(String id, Instant at) {
    return heartbeats.ping(id, at);
  }

  @Override
  public Optional<Alert> receive(ExternalAlert alert) {
    CompletableFuture<Optional<Alert>> committed = new CompletableFuture<>();
    pipeline.submit(new Work.Intake(alert, committed));
    try {
      return committed.get(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the store did not commit within 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the store", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("could not record the alert: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Why this machine's network is down and which monitors that explains, or empty (see {@link NetworkSense}). */
  public Optional<NetworkSense.Offline> networkDown() {
    return pipeline.networkDown();
  }

  /** The monitors board: every monitor watched, in the order of the rules, with its state and last check. */
  public List<MonitorRow> board() {
    return board.rows(rules, store, clock.instant(), paused, scheduler::nextRun);
  }

  /** Pauses a watched monitor until {@code until} (recorded in the store); false when no such monitor is watched. */
  public boolean pause(String monitorId, Instant until, String actor) {
    if (!monitors.containsKey(monitorId)) return false;
    store.pause(monitorId, until, actor, clock.instant());
    refreshPauses();
    log.info("monitor {} paused until {} by {}", monitorId, until, actor);
    return true;
  }

  /** Ends a monitor's pause and checks it at once; true when it was paused. */
  public boolean resume(String monitorId, String actor) {
    boolean was = store.resume(monitorId, clock.instant());
    refreshPauses();
    if (was) {
      log.info("monitor {} resumed by {}", monitorId, actor);
      runCheck(monitorId, false);
    }
    return was;
  }

  private void refreshPauses() {
    paused = Map.copyOf(store.paused(clock.instant()));
  }

  private boolean isPaused(String monitorId) {
    Instant until = paused.get(monitorId);
    return until != null && clock.instant().isBefore(until);
  }

  /** The monitors now watched that match the filter; for the UI and tests. */
  public List<Monitor> monitors(Predicate<Monitor> filter) {
    return monitors.values().stream().filter(filter).toList();
  }

  private void runCheck(String monitorId, boolean fresh) {
    Monitor m = monitors.get(monitorId);
    if (m == null || isPaused(monitorId) || !inFlight.add(monitorId)) return;
    CompletableFuture<dev.vigil.check.Observation> call;
    try {
      call = checker.check(request(m, fresh));
    } catch (RuntimeException e) {
      inFlight.remove(monitorId);
      log.error("check of {} could not start", monitorId, e);
      return;
    }
    call.whenComplete(
        (observation, error) -> {
          inFlight.remove(monitorId);
          lastCompleted = clock.instant();
          if (error != null) {
            log.error("check of {} failed unexpectedly", monitorId, error);
            return;
          }
          pipeline.submit(new Work.CheckDone(m, honourRetryAfter(m, Evaluator.evaluate(observation, m.expect()))));
        });
  }

  /**
   * A failed check that came with {@code Retry-After} (429, 503) is one failed check that says so, and the
   * monitor's next check waits as asked (capped, see {@link RetryAfter}); quick re-checks wait too.
   */
  private Verdict honourRetryAfter(Monitor m, Verdict v) {
    dev.vigil.check.Observation o = v.observation();
    Optional<RetryAfter> asked = v.passed() ? Optional.empty()
        : RetryAfter.of(o.status(), o.header("Retry-After"), o.at(), m.interval());
    if (asked.isEmpty()) {
      retryNotBefore.remove(m.id());
      return v;
    }
    retryNotBefore.put(m.id(), clock.instant().plus(asked.get().delay()));
    if (asked.get().delay().compareTo(m.interval()) > 0) scheduler.postpone(m.id(), m.interval(), asked.get().delay());
    return new Verdict(o, false, v.failure(), v.failure().label() + ": " + asked.get().describe(), v.results());
  }

  private void recheck(Monitor m, Duration after) {
    Instant notBefore = retryNotBefore.get(m.id());
    if (notBefore != null && clock.instant().plus(after).isBefore(notBefore)) return; // the server asked to wait
    scheduler.runOnceAfter(m.id(), after, () -> runCheck(m.id(), false));
  }

  static CheckRequest request(Monitor m, boolean fresh) {
    return new CheckRequest(m.id(), m.target(), m.timeout(), m.headers(), m.needsBody(), m.bodyCap(), fresh);
  }

  /** This process wrote to the alerts: the watcher looks now, or {@link #CHANGE_SPACING} after its last look. */
  private void pollChangesSoon() {
    if (!changePollQueued.compareAndSet(false, true)) return;
    long wait = Math.max(0, lastChangePoll + CHANGE_SPACING.toNanos() - System.nanoTime());
    try {
      housekeeping.schedule(guarded(this::pollChanges), wait, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      changePollQueued.set(false);
    }
  }

  private void pollChanges() {
    changePollQueued.set(false);
    lastChangePoll = System.nanoTime();
    try {
      changes.poll();
    } finally {
      lookCloselyWhileFiring();
    }
  }

  /** While an alert fires (an alarm may ring), the watcher looks every {@link #CHANGE_POLL}, not only at housekeeping. */
  private void lookCloselyWhileFiring() {
    if (!changes.firing() || !closeLookQueued.compareAndSet(false, true)) return;
    try {
      housekeeping.schedule(() -> {
        closeLookQueued.set(false);
        guarded(this::pollChanges).run();
      }, CHANGE_POLL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      closeLookQueued.set(false);
    }
  }

  private void housekeep() {
    guarded(this::pollChanges).run(); // a storage fault here must not stop the gap watch below
    refreshPauses();
    noticeGap();
    store.endSnoozes(clock.instant());
  }

  private void backUp() {
    backups.daily(clock.instant(), clock.getZone()).ifPresent(made -> log.info("backed up the database to {}", made));
  }

  /**
   * Between two housekeeping ticks the wall clock should move by about the tick. When it moved by more than
   * three of the shortest interval (the machine slept, the clock was set forward) or went back by as much,
   * Vigil did not watch in between: the gap is recorded in history, every monitor is put back on its schedule
   * from now (Quartz would otherwise wait out a clock set back), network-like failures get a grace while the
   * network wakes, and the "stalled" watch starts afresh.
   */
  synchronized void noticeGap() {
    Instant now = clock.instant();
    long nanos = System.nanoTime();
    Instant before = lastTickWall;
    long beforeNanos = lastTickNanos;
    lastTickWall = now;
    lastTickNanos = nanos;
    if (before == null) return;
    Duration wall = Duration.between(before, now);
    Duration ran = Duration.ofNanos(nanos - beforeNanos);
    Duration slack = shortestInterval().orElse(HOUSEKEEPING).multipliedBy(3);
    String reason;
    if (wall.compareTo(ran.plus(HOUSEKEEPING).plus(slack)) > 0) {
      reason = (wall.minus(ran).compareTo(slack) > 0 ? "sleep or clock jump forward" : "Vigil was paused")
          + ": nothing watched for " + human(wall);
    } else if (wall.isNegative() && wall.negated().compareTo(slack) > 0) {
      reason = "clock set back by " + human(ran.minus(wall));
    } else {
      return;
    }
    log.warn("{} (from {} to {}); rescheduling every monitor", reason, before, now);
    pipeline.submit(new Work.Gap(before, now, reason));
    pipeline.wakeGrace(now.plus(WAKE_GRACE));
    startedAt = now;
    lastCompleted = null;
    apply(rules);
  }

  private Optional<Duration> shortestInterval() {
    return monitors.values().stream().map(Monitor::interval).min(Duration::compareTo);
  }

  private static String human(Duration exact) {
    return Durations.rough(exact);
  }

  private void checkCommitted(Monitor m, dev.vigil.evaluate.Verdict verdict) {
    for (CheckListener listener : checkListeners) listener.committed(m, verdict);
  }

  private void publish(AlertChange change) {
    for (AlertListener listener : listeners) {
      try {
        listener.onChange(change);
      } catch (RuntimeException e) {
        log.error("listener {} failed on {}", listener, change.kind(), e);
      }
    }
  }

  private Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("housekeeping task failed", e);
      }
    };
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    housekeeping.shutdownNow();
    if (backupThread != null) backupThread.shutdownNow();
    try {
      scheduler.close();
    } catch (Exception e) {
      log.warn("scheduler did not stop cleanly", e);
    }
    pipeline.close();
    checker.close();
  }

  /** Answers heartbeat pings; installed by whoever watches heartbeats. */
  @FunctionalInterface
  public interface HeartbeatSink {
    boolean ping(String id, Instant at);
  }
}
