package dev.vigil.state;

import dev.vigil.check.Reach;
import dev.vigil.dedupe.Fingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each check and each intake means, before anything is written: the monitor's confirm/recover step, whether a
 * failure only waits out the network's wake after a sleep, which failing parent holds a new alert back, and whether
 * this machine's network is down. Pure: every fact and time comes in with the call. The engine's pipeline thread owns
 * it and commits what it says; only {@link #wakeGrace} and {@link #dependsOn} may be called from any thread.
 */
public final class Confirmations {
  /** A failure during the wake grace is checked again this soon (or at the monitor's interval, if shorter). */
  public static final Duration WAKE_RECHECK = Duration.ofSeconds(2);

  /**
   * @param step the monitor's transition, whether its up/down state changed, and when to check again
   * @param heldBy on a {@code FIRE}: the failing parent (the root cause) that holds the new alert back, else null
   */
  public record Judgement(MonitorTracker.Step step, String heldBy) {}

  private record Thresholds(int confirm, int recover, Duration interval) {}

  private final Map<String, MonitorTracker> trackers = new HashMap<>();
  private final Map<String, Thresholds> trackedAs = new HashMap<>();
  private final Set<String> openAtStart = new HashSet<>();
  /** Monitors, heartbeats and sources failing now (last check failed, or alert still open): they hold dependents back. */
  private final Set<String> failing = new HashSet<>();
  private final NetworkSense network;
  private Optional<NetworkSense.Offline> networkDown = Optional.empty();
  private volatile Map<String, List<String>> dependsOn = Map.of();
  private volatile Instant wakeGraceUntil = Instant.MIN;

  public Confirmations(NetworkSense.LocalNetwork local) {
    this.network = new NetworkSense(local);
  }

  /** The fingerprints with an alert still open at start: their monitors resume as firing. */
  public void resume(Collection<String> openFingerprints) {
    openAtStart.addAll(openFingerprints);
  }

  /** The monitors now in the rules, for telling a dead network from dead hosts. */
  public void configure(Map<String, NetworkSense.Target> targets) {
    network.configure(targets);
    networkDown = network.down();
  }

  /** Why this machine's network is down and which monitors that explains, or empty. */
  public Optional<NetworkSense.Offline> networkDown() {
    return networkDown;
  }

  /**
   * After a sleep or a clock jump the network takes a while to come back: until {@code until}, failures that got no
   * answer (no route, no name, timeout) do not count towards confirming a new alert. A refused connection is an
   * answer: it counts. Any thread.
   */
  public void wakeGrace(Instant until) {
    wakeGraceUntil = until;
  }

  /** Each monitor's, heartbeat's and source's parents ({@code dependsOn}). Any thread. */
  public void dependsOn(Map<String, List<String>> parents) {
    dependsOn = Map.copyOf(parents);
  }

  /** One check of monitor {@code id}: passed, or failed having got this far ({@code reach}), started {@code at}. */
  public Judgement check(String id, int confirm, int recover, Duration interval, boolean passed, Reach reach, Instant at) {
    MonitorTracker tracker = tracker(id, new Thresholds(confirm, recover, interval));
    if (!passed) failing.add(id);
    // Before the commit: an alert this check fires is judged with the network's state including this check.
    network.observe(id, passed ? Reach.ANSWERED : reach);
    networkDown = network.down();
    if (!passed && reach.unanswered() && !tracker.firing() && !at.isAfter(wakeGraceUntil)) {
      Duration soon = interval.compareTo(WAKE_RECHECK) < 0 ? interval : WAKE_RECHECK;
      return new Judgement(new MonitorTracker.Step(MonitorTracker.Transition.NONE, null, soon), null);
    }
    MonitorTracker.Step step = tracker.observe(passed);
    if (passed && !tracker.firing()) failing.remove(id);
    return new Judgement(step, step.transition() == MonitorTracker.Transition.FIRE ? heldBy(id) : null);
  }

  /** The monitor's open alert went away by hand while it still fails: it confirms again before firing anew. */
  public void alertClosedElsewhere(String id) {
    MonitorTracker t = trackers.get(id);
    if (t != null) t.alertClosedElsewhere();
  }

  /** An alert pushed in for {@code monitor} (a heartbeat or a source's alert) fired, or resolved. */
  public void intake(String monitor, boolean resolved) {
    if (resolved) failing.remove(monitor);
    else failing.add(monitor);
  }

  /** The failing parent that holds {@code id} back (its root cause), or null. */
  public String heldBy(String id) {
    return RootCause.of(id, dependsOn, failing::contains).orElse(null);
  }

  private MonitorTracker tracker(String id, Thresholds now) {
    Thresholds before = trackedAs.get(id);
    MonitorTracker t = trackers.get(id);
    if (t == null || before.confirm() != now.confirm() || before.recover() != now.recover()) {
      boolean firing = t != null ? t.firing() : openAtStart.remove(Fingerprint.ofMonitor(id));
      t = new MonitorTracker(now.confirm(), now.recover(), now.interval(), firing);
      trackers.put(id, t);
    }
    trackedAs.put(id, now);
    return t;
  }
}
