package dev.vigil.engine;

import dev.vigil.alert.Alert;
import dev.vigil.alert.ExternalAlert;
import dev.vigil.check.Reach;
import dev.vigil.os.LocalRoutes;
import dev.vigil.state.Confirmations;
import dev.vigil.state.NetworkSense;
import dev.vigil.dedupe.Fingerprint;
import dev.vigil.evaluate.Verdict;
import dev.vigil.rules.Monitor;
import dev.vigil.state.MonitorTracker;
import dev.vigil.store.AlertStore;
import dev.vigil.store.EngineWrites;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of alerts. Check results and intake alerts queue here; one thread drains up to
 * {@link #BATCH} at a time, decides each against its monitor's thresholds, and commits the batch in one
 * transaction. A failed commit is retried with the same writes until the storage comes back, so nothing
 * decided is lost and the thresholds are not counted twice.
 *
 * <p>How soon a result is committed depends on what it can change. A failed check, an intake alert, a burst, and
 * every result for a while after "check all now" wake the writer at once ({@link #LINGER_MILLIS} of company at
 * most). A passing check, the common case by far, waits up to {@link #ROUTINE_MILLIS} with the others: an idle
 * Vigil watching 100 endpoints then wakes its writer about once a second instead of twice per result. When
 * {@link #IDLE_AFTER} routine waits in a row brought nothing, the writer parks until a result comes and commits that
 * one at once, then waits again: a few monitors every minute wake it a few times per result, not once a second.
 */
final class Pipeline implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
  static final int BATCH = 1000;
  /**
   * How long a batch of check results waits for more before it commits: at 167 checks/s one transaction takes
   * about 8 of them instead of one each (a commit costs more than the rows it writes). 200 ms saved a little more
   * CPU but added up to 200 ms to the tail of "check all now". Intake (an API caller
   * waiting for its answer) never waits. A kill -9 loses at most this much more than the queue it already lost.
   */
  static final long LINGER_MILLIS = 50;
  /**
   * A batch lingers only after a batch smaller than this: in a burst ("check all now", a storm) the commits batch
   * themselves, and the burst's last results are committed at once instead of waiting out a linger.
   */
  static final int LINGER_AFTER_BELOW = 100;
  /**
   * How long a passing check's result may wait before it is committed. It can only record the check (uptime
   * figures) or, at the monitor's {@code recover} count, resolve an alert a second later; a kill -9 loses at most
   * this much of such results (RELIABILITY.md).
   */
  static final long ROUTINE_MILLIS = 1_000;
  static final int QUEUE_LIMIT = 200_000;
  /**
   * After this many empty routine waits in a row the writer parks until a result comes. Not after one: with 50
   * monitors every 30 s most seconds bring a result, and parking after each empty one would wake the writer for the
   * first of a slot's results and again for the rest.
   */
  static final int IDLE_AFTER = 3;

  private final AlertStore store;
  private final BiConsumer<Monitor, Duration> recheck;
  private final CheckListener committed;
  private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
  /** The decisions; the pipeline thread owns it, batches what it says and commits it. */
  private final Confirmations decisions;
  /** Per source ({@code alertmanager:ID}), the labels an alert needs for the source's {@code dependsOn} to hold it. */
  private volatile Map<String, Map<String, String>> sourceMatch = Map.of();
  private volatile Optional<NetworkSense.Offline> networkDown = Optional.empty();
  private final Thread thread = new Thread(this::loop, "vigil-pipeline");
  private volatile boolean running = true;
  /** Set when a lingering batch should commit now: an intake is waiting, or a full batch is queued. */
  private volatile boolean urgent;
  private int lastBatch;
  /** Until then (System.nanoTime) every result is urgent: somebody asked for "check all now" and is waiting. */
  private volatile long hurryUntil = System.nanoTime();
  /** Results queued since the last drain that may not wait {@link #ROUTINE_MILLIS}. */
  private final java.util.concurrent.atomic.AtomicInteger pendingNonRoutine = new java.util.concurrent.atomic.AtomicInteger();
  /** True while the writer waits out {@link #ROUTINE_MILLIS}; a result that may not wait then wakes it. */
  private volatile boolean waitingForRoutine;
  /** True while the writer parks with no deadline (after {@link #IDLE_AFTER} empty waits); any result wakes it. */
  private volatile boolean parkedIdle;
  /** Routine waits in a row that brought nothing; from {@link #IDLE_AFTER} the next wait is for a result, not the time. */
  private int emptyWaits;
  private volatile String storageProblem;

  Pipeline(AlertStore store, BiConsumer<Monitor, Duration> recheck, CheckListener committed) {
    this(store, recheck, committed, LocalRoutes.system()::unusable);
  }

  Pipeline(AlertStore store, BiConsumer<Monitor, Duration> recheck, CheckListener committed, NetworkSense.LocalNetwork local) {
    this.decisions = new Confirmations(local);
    this.store = store;
    this.recheck = recheck;
    this.committed = committed;
    thread.setDaemon(true);
  }

  /** Starts the writer; monitors with an alert still open (after a restart) resume as firing. */
  void start(List<Alert> open) {
    decisions.resume(open.stream().map(Alert::fingerprint).toList());
    thread.start();
  }

  void submit(Work work) {
    if (queue.offer(work)) {
      if (parkedIdle) LockSupport.unpark(thread); // the first result after a quiet spell commits at once
      if (work instanceof Work.Intake || queue.size() >= BATCH) {
        urgent = true; // commit now, even in the middle of a linger
        LockSupport.unpark(thread);
      } else if (!routine(work) || queue.size() >= LINGER_AFTER_BELOW) {
        pendingNonRoutine.incrementAndGet();
        if (waitingForRoutine) LockSupport.unpark(thread); // ends the routine wait; a linger still gathers company
      }
    } else {
      log.error("pipeline queue full ({} items): dropping a result of {}", QUEUE_LIMIT, describe(work));
      if (work instanceof Work.Intake intake) {
        intake.committed().completeExceptionally(new IllegalStateException("Vigil is overloaded, try again"));
      }
    }
  }

  /** A passing check, when nobody is waiting for it: it may wait {@link #ROUTINE_MILLIS} for company. */
  private boolean routine(Work work) {
    return work instanceof Work.CheckDone done && done.verdict().passed() && System.nanoTime() - hurryUntil > 0;
  }

  /** For {@code forHowLong}, every result is committed as soon as it comes (a person asked to check all now). */
  void hurry(Duration forHowLong) {
    hurryUntil = System.nanoTime() + forHowLong.toNanos();
  }

  /**
   * After a sleep or a clock jump the network takes a while to come back: until {@code until}, failures that
   * got no answer (no route, no name, timeout) do not count towards confirming a new alert; they are recorded and
   * re-checked soon, and an alert already firing still counts them. A refused connection is an answer: it counts.
   */
  void wakeGrace(Instant until) {
    decisions.wakeGrace(until);
  }

  /** For tests: the writer parks with no deadline until a result comes (after {@link #IDLE_AFTER} empty waits). */
  boolean waitsForAResult() {
    return parkedIdle && thread.getState() == Thread.State.WAITING;
  }

  boolean storageHealthy() {
    return storageProblem == null;
  }

  String storageProblem() {
    return storageProblem;
  }

  private void loop() {
    List<Work> batch = new ArrayList<>(BATCH);
    while (running) {
      try {
        // Routine results wake nobody (submit); the writer looks for them once a second, or, after a second that
        // brought nothing, parks until one comes. In a burst (the last batch was large) it drains on without waiting.
        if (lastBatch < LINGER_AFTER_BELOW) {
          waitingForRoutine = true;
          if (!urgent && pendingNonRoutine.get() == 0 && queue.size() < LINGER_AFTER_BELOW) {
            if (emptyWaits >= IDLE_AFTER) {
              parkedIdle = true;
              if (queue.isEmpty() && running) LockSupport.park(this);
              parkedIdle = false;
            } else {
              LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(ROUTINE_MILLIS));
            }
          }
          waitingForRoutine = false;
        }
        urgent = false;
        pendingNonRoutine.set(0);
        queue.drainTo(batch, BATCH);
        emptyWaits = batch.isEmpty() ? emptyWaits + 1 : 0;
        if (batch.isEmpty()) {
          lastBatch = 0;
          continue;
        }
        if (lastBatch < LINGER_AFTER_BELOW && !batch.stream().allMatch(this::routine)) linger(batch);
        lastBatch = batch.size();
        process(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        log.error("pipeline failed on a batch of {}", batch.size(), e);
      } finally {
        batch.clear();
      }
    }
    // Closed: what is queued is committed (a clean stop loses no result), as far as the storage lets it.
    try {
      queue.drainTo(batch);
      if (!batch.isEmpty()) process(batch);
    } catch (InterruptedException | RuntimeException e) {
      log.warn("{} results were not committed at close: {}", batch.size(), e.toString());
    }
  }

  /**
   * Waits up to {@link #LINGER_MILLIS} for more results, unless the batch holds an intake or the queue a full
   * batch; {@link #submit} wakes it for those only, so results arriving meanwhile cost no wake-up each. Closing
   * cuts the wait short; the batch is still committed.
   */
  private void linger(List<Work> batch) {
    for (Work work : batch) {
      if (work instanceof Work.Intake) return;
    }
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
    while (running && !urgent && queue.size() < BATCH - batch.size()) {
      long left = until - System.nanoTime();
      if (left <= 0) break;
      LockSupport.parkNanos(this, left);
      if (Thread.currentThread().isInterrupted()) break;
    }
    urgent = false;
    queue.drainTo(batch, BATCH - batch.size());
  }

  private void process(List<Work> batch) throws InterruptedException {
    batch.removeIf(work -> {
      if (!(work instanceof Work.Configure c)) return false;
      decisions.configure(c.targets());
      networkDown = decisions.networkDown();
      return true;
    });
    if (batch.isEmpty()) return;
    List<Write> writes = new ArrayList<>(batch.size());
    for (Work work : batch) writes.add(decide(work));
    List<Object> results = commit(writes);
    for (int i = 0; i < batch.size(); i++) {
      Work work = batch.get(i);
      Object result = results.get(i);
      if (work instanceof Work.CheckDone done && result instanceof Decided) afterCheck(done, result);
      if (work instanceof Work.Intake intake) {
        @SuppressWarnings("unchecked")
        Optional<Alert> alert = (Optional<Alert>) result;
        intake.committed().complete(alert);
      }
    }
  }

  /** Commits the writes in one transaction, retrying until the storage accepts them. */
  private List<Object> commit(List<Write> writes) throws InterruptedException {
    long backoff = 100;
    while (true) {
      try {
        List<Object> results =
            store.transaction(
                tx -> {
                  List<Object> out = new ArrayList<>(writes.size());
                  for (Write w : writes) out.add(w.apply(tx));
                  return out;
                });
        if (storageProblem != null) log.warn("storage recovered");
        storageProblem = null;
        return results;
      } catch (RuntimeException e) {
        if (storageProblem == null) log.error("storage write failed, retrying: {}", e.getMessage());
        storageProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!running) throw e;
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  private Write decide(Work work) {
    if (work instanceof Work.Intake intake) return intakeWrite(intake.alert());
    if (work instanceof Work.Gap gap) {
      return tx -> {
        tx.recordGap(gap.started(), gap.ended(), gap.reason());
        return gap;
      };
    }
    Work.CheckDone done = (Work.CheckDone) work;
    Monitor m = done.monitor();
    Verdict v = done.verdict();
    Confirmations.Judgement judged = decisions.check(m.id(), m.confirm(), m.recover(), m.interval(), v.passed(),
        Reach.of(v.observation()), v.observation().at());
    networkDown = decisions.networkDown();
    MonitorTracker.Step step = judged.step();
    String heldBy = judged.heldBy();
    String fp = Fingerprint.ofMonitor(m.id());
    var at = v.observation().at();
    return tx -> {
      tx.recordCheck(m.id(), at, v.passed(), v.observation().latency());
      if (step.wentUp() != null) tx.recordStateChange(m.id(), at, step.wentUp(), v.summary());
      return switch (step.transition()) {
        case NONE -> new Decided(step, false);
        case FIRE -> new Decided(step, tx.fire(fp, m.id(), m.severity(), v.summary(), labels(m), at, heldBy) != null);
        case REPEAT -> new Decided(step, tx.fold(fp, v.summary(), at));
        case RECOVER -> new Decided(step, tx.recover(fp, "recovered: " + v.summary(), at).isPresent());
      };
    };
  }

  /** The monitors now in the rules; canaries carry the label {@code canary: "true"}. Any thread. */
  void configure(java.util.Collection<Monitor> monitors) {
    Map<String, NetworkSense.Target> targets = new HashMap<>();
    for (Monitor m : monitors) {
      targets.put(m.id(), new NetworkSense.Target(m.host(), "true".equalsIgnoreCase(m.labels().get("canary"))));
    }
    submit(new Work.Configure(targets));
  }

  /** Why this machine's network is down and which monitors it explains, or empty. */
  Optional<NetworkSense.Offline> networkDown() {
    return networkDown;
  }

  private void afterCheck(Work.CheckDone done, Object result) {
    Decided decided = (Decided) result;
    MonitorTracker.Step step = decided.step();
    if (step.transition() == MonitorTracker.Transition.REPEAT && !decided.alertOpen()) {
      // Resolved by hand while still failing: confirm again before opening a new alert.
      decisions.alertClosedElsewhere(done.monitor().id());
    }
    if (step.recheckAfter() != null) recheck.accept(done.monitor(), step.recheckAfter());
    try {
      committed.committed(done.monitor(), done.verdict());
    } catch (RuntimeException e) {
      log.error("check listener failed on {}", done.monitor().id(), e);
    }
  }

  private Write intakeWrite(ExternalAlert a) {
    decisions.intake(a.monitor(), a.resolved());
    if (a.resolved()) return tx -> tx.recover(a.fingerprint(), "resolved by " + a.source(), a.at());
    String heldBy = decisions.heldBy(a.monitor());
    if (heldBy == null && sourceMatch.containsKey(a.source()) && dev.vigil.policy.Silence.matches(sourceMatch.get(a.source()),
        new Alert(0, a.fingerprint(), a.monitor(), a.severity(), dev.vigil.alert.AlertState.FIRING, a.at(), a.at(), null, 1,
            a.summary(), a.labels(), null))) {
      heldBy = decisions.heldBy(a.source());
    }
    String root = heldBy;
    return tx -> Optional.of(tx.fire(a.fingerprint(), a.monitor(), a.severity(), a.summary(), a.labels(), a.at(), root));
  }

  /** Each monitor's, heartbeat's and source's parents ({@code dependsOn}); any thread. */
  void dependsOn(Map<String, List<String>> parents, List<dev.vigil.rules.SourceRule> sources) {
    Map<String, Map<String, String>> match = new HashMap<>();
    for (dev.vigil.rules.SourceRule s : sources) {
      if (parents.containsKey(s.dependencyKey())) match.put(s.dependencyKey(), s.dependsOnMatch());
    }
    sourceMatch = Map.copyOf(match);
    decisions.dependsOn(parents);
  }

  static Map<String, String> labels(Monitor m) {
    Map<String, String> labels = new HashMap<>(m.labels());
    labels.putIfAbsent(m.url() != null ? "url" : "target", m.displayUrl());
    if (m.runbook() != null) labels.putIfAbsent("runbook", m.runbook()); // the inbox, the alert JSON and the pages show it
    return labels;
  }

  private static String describe(Work work) {
    if (work instanceof Work.CheckDone d) return d.monitor().id();
    return work instanceof Work.Gap ? "gap" : "intake";
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @FunctionalInterface
  private interface Write {
    Object apply(EngineWrites tx);
  }

  /** What the pipeline decided for a check, and whether its write found (or made) an open alert. */
  private record Decided(MonitorTracker.Step step, boolean alertOpen) {}
}
