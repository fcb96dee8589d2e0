package dev.vigil.engine;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertListener;
import dev.vigil.alert.ExternalAlert;
import dev.vigil.alert.Intake;
import dev.vigil.check.CheckRequest;
import dev.vigil.check.Checker;
import dev.vigil.evaluate.Evaluator;
import dev.vigil.rules.Monitor;
import dev.vigil.rules.RuleSet;
import dev.vigil.schedule.CheckScheduler;
import dev.vigil.store.AlertStore;
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
  static final Duration CHANGE_POLL = Duration.ofMillis(200);
  static final Duration HOUSEKEEPING = Duration.ofSeconds(5);

  private final AlertStore store;
  private final Checker checker;
  private final CheckScheduler scheduler;
  private final Clock clock;
  private final Pipeline pipeline;
  private final ChangeWatcher changes;
  private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
  private final List<CheckListener> checkListeners = new CopyOnWriteArrayList<>();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService housekeeping =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "vigil-housekeeping"));
  private volatile Map<String, Monitor> monitors = Map.of();
  private volatile RuleSet rules;
  private volatile Instant lastCompleted;
  private volatile Instant startedAt;
  private volatile HeartbeatSink heartbeats = (id, at) -> false;

  public Engine(RuleSet rules, AlertStore store, Checker checker, CheckScheduler scheduler, Clock clock) {
    this.rules = rules;
    this.store = store;
    this.checker = checker;
    this.scheduler = scheduler;
    this.clock = clock;
    this.changes = new ChangeWatcher(store, this::publish, clock);
    this.pipeline = new Pipeline(store, this::recheck, this::checkCommitted);
  }

  /** Loads open alerts, then schedules every monitor. */
  public void start() {
    startedAt = clock.instant();
    changes.prime();
    pipeline.start(store.openAlerts());
    apply(rules);
    scheduler.start();
    housekeeping.scheduleWithFixedDelay(
        guarded(changes::poll), CHANGE_POLL.toMillis(), CHANGE_POLL.toMillis(), TimeUnit.MILLISECONDS);
    housekeeping.scheduleWithFixedDelay(
        guarded(this::endSnoozes), HOUSEKEEPING.toMillis(), HOUSEKEEPING.toMillis(), TimeUnit.MILLISECONDS);
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
    log.info("rules reloaded: {} monitors", monitors.size());
  }

  private void apply(RuleSet next) {
    Map<String, Monitor> byId = new java.util.LinkedHashMap<>();
    next.monitors().forEach(m -> byId.put(m.id(), m));
    monitors = Map.copyOf(byId);
    for (Monitor m : byId.values()) scheduler.schedule(m.id(), m.interval(), () -> runCheck(m.id(), false));
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

  /** Installs what answers {@code POST /api/heartbeat/ID}. */
  public void heartbeatSink(HeartbeatSink sink) {
    this.heartbeats = sink;
  }

  /** "Check all now". */
  public void checkAllNow() {
    scheduler.runAllNow();
  }

  /**
   * A fresh check of one monitor on a new connection, for "confirm before waking": completes with true when it
   * still fails. Unknown monitors complete with false.
   */
  public CompletableFuture<Boolean> stillFailing(String monitorId) {
    Monitor m = monitors.get(monitorId);
    if (m == null) return CompletableFuture.completedFuture(false);
    return checker.check(request(m, true)).thenApply(o -> !Evaluator.evaluate(o, m.expect()).passed());
  }

  public WatchStatus status() {
    if (monitors.isEmpty() && rules.heartbeats().isEmpty() && rules.sources().isEmpty()) {
      return WatchStatus.notWatching("no rules");
    }
    if (!pipeline.storageHealthy()) return WatchStatus.notWatching("storage degraded: " + pipeline.storageProblem());
    Duration shortest = monitors.values().stream().map(Monitor::interval).min(Duration::compareTo).orElse(null);
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

  /** Monitor ids whose checks match the filter; for the UI and tests. */
  public List<Monitor> monitors(Predicate<Monitor> filter) {
    return monitors.values().stream().filter(filter).toList();
  }

  private void runCheck(String monitorId, boolean fresh) {
    Monitor m = monitors.get(monitorId);
    if (m == null || !inFlight.add(monitorId)) return;
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
          pipeline.submit(new Work.CheckDone(m, Evaluator.evaluate(observation, m.expect())));
        });
  }

  private void recheck(Monitor m, Duration after) {
    scheduler.runOnceAfter(m.id(), after, () -> runCheck(m.id(), false));
  }

  private static CheckRequest request(Monitor m, boolean fresh) {
    return new CheckRequest(m.id(), m.url(), m.timeout(), m.headers(), m.needsBody(), m.bodyCap(), fresh);
  }

  private void endSnoozes() {
    store.endSnoozes(clock.instant());
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
