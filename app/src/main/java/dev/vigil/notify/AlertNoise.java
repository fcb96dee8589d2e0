package dev.vigil.notify;

import dev.vigil.state.NetworkSense;
import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertState;
import dev.vigil.policy.Decision;
import dev.vigil.policy.FlapDetector;
import dev.vigil.policy.Level;
import dev.vigil.policy.Outcome;
import dev.vigil.policy.Policy;
import dev.vigil.policy.StormDetector;
import dev.vigil.policy.Times;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The noise for each alert change: records the decision with its reason, holds the noise back when the alert is
 * one of many (its monitor is flapping, this machine's network is down, a storm), then chimes, notifies, holds it
 * for the digest or starts the wake ladder. Guarded by the {@link Notifier}'s monitor.
 */
final class AlertNoise {
  private final PolicyInForce rules;
  private final Deliveries deliveries;
  private final Escalations escalations;
  private final HeldNotices held;
  private final Notices notices;
  private final Channel desktop;
  private final Alarm alarm;
  private final Dependents dependents;
  /** Monitors whose last check failed: a parent failing holds its dependents back. */
  private final java.util.Set<String> down = new java.util.HashSet<>();
  /** Alerts a maintenance window held back: still failing when it ends, they make their noise then, once. */
  private final Map<Long, String> inMaintenance = new LinkedHashMap<>();
  private StormDetector storm;
  private final FlapDetector flaps = new FlapDetector();
  private final Map<Long, Alert> open = new LinkedHashMap<>();
  /** Day notifications waiting out the group wait, so that a storm makes one notification, not K. */
  private final Map<Long, Pending> waiting = new LinkedHashMap<>();

  /** How long a day notification waits for others that would make it part of a storm. */
  static final java.time.Duration GROUP_WAIT = java.time.Duration.ofSeconds(5);

  private record Pending(Alert alert, Decision decision, Instant due) {}

  AlertNoise(Notifier.Builder b, PolicyInForce rules, Deliveries deliveries, Escalations escalations,
      HeldNotices held, Notices notices, Dependents dependents) {
    this.dependents = dependents;
    this.rules = rules;
    this.deliveries = deliveries;
    this.escalations = escalations;
    this.held = held;
    this.notices = notices;
    this.desktop = b.desktop;
    this.alarm = b.alarm;
    this.storm = new StormDetector(b.policy.storm());
  }

  void update(Policy newPolicy) {
    this.storm = new StormDetector(newPolicy.storm());
  }

  /** The open alerts as last heard. */
  java.util.Collection<Alert> openAlerts() {
    return List.copyOf(open.values());
  }

  /** Alerts open at start-up, before any change is heard. */
  void restored(List<Alert> openAlerts) {
    for (Alert a : openAlerts) open.put(a.id(), a);
  }

  void change(AlertChange change) {
    Alert alert = change.alert();
    Instant now = change.at();
    if (alert.isOpen()) open.put(alert.id(), alert);
    else open.remove(alert.id());
    if (change.kind() == AlertChange.Kind.REPEATED) return; // folded into the count, not a notification
    if (change.kind() != AlertChange.Kind.FIRED && change.kind() != AlertChange.Kind.SNOOZE_ENDED
        && change.kind() != AlertChange.Kind.REOPENED) {
      waiting.remove(alert.id()); // acknowledged, snoozed or resolved before its notification went out
      dependents.drop(alert.id());
    }
    Decision d = rules.decide(change);
    switch (change.kind()) {
      case ACKNOWLEDGED -> {
        deliveries.record(now, alert.id(), d);
        escalations.stop(alert.id(), now, alert.isOpen()); // acknowledged after it resolved: nothing to re-wake for
      }
      case SNOOZED -> {
        deliveries.record(now, alert.id(), d);
        escalations.stop(alert.id(), now, false);
      }
      case RESOLVED -> {
        deliveries.record(now, alert.id(), d);
        escalations.resolved(alert, now); // a sounding alarm goes on a while: it may reopen (one alarm per incident)
        held.resolved(alert);
        if (!failing(alert.monitor())) release(alert.monitor(), now);
      }
      case REOPENED -> reopened(alert, d, now);
      default -> fire(alert, d, now);
    }
  }

  /**
   * The alert fired again within {@code reopenWithin}: the same incident. Acknowledged before, it stays quiet; its
   * alarm still going (held since the resolve), it goes on without starting over; else it is decided as a fire.
   * Enough reopens make the monitor flapping (one notice).
   */
  private void reopened(Alert alert, Decision d, Instant now) {
    java.time.Duration within = rules.policy().reopenWithin();
    FlapDetector.Flap f = flaps.reopened(alert.monitor(), now, within.isZero() ? Policy.DEFAULT_REOPEN_WITHIN : within);
    if (f.status() == FlapDetector.Status.STARTED) {
      String what = alert.state() == AlertState.FIRING ? "one alarm until acknowledged or it settles" : "acknowledged: no alarm";
      notices.flapping(alert.monitor(), now, "flapping: reopened " + flaps.reopens(alert.monitor()) + " times within "
          + dev.vigil.config.Durations.format(within) + "; " + what, alert.monitor() + " is flapping");
    }
    if (alert.state() != AlertState.FIRING) {
      deliveries.record(now, alert.id(), d);
      if (d.level() == Level.WAKE && alert.snoozedUntil() == null) escalations.park(alert, now);
      return;
    }
    if (escalations.running(alert.id())) {
      deliveries.record(now, alert.id(), Decision.suppressed("ladder", Level.WAKE,
          "reopened (" + alert.reopens() + "): the same alarm goes on, not restarted"));
      escalations.start(alert, now);
      return;
    }
    fire(alert, d, now);
  }

  /**
   * One check result: when the monitor starts flapping one notice says so (its alarm, if any, goes on as one); when
   * it settles, a notice with its final state: up, its held alarm stops; down, its alerts still firing fire again.
   */
  void checked(String monitor, boolean up, Instant at) {
    if (up) {
      if (down.remove(monitor) && !failing(monitor)) release(monitor, at);
    } else {
      down.add(monitor);
    }
    FlapDetector.Flap f = flaps.observe(monitor, up);
    if (f.status() == FlapDetector.Status.STARTED) {
      notices.flapping(monitor, at, String.format("flapping: %.0f %% state change over the last 21 checks; one notice and"
              + " at most one alarm until it settles", f.percent()), monitor + " is flapping");
    } else if (f.status() == FlapDetector.Status.STOPPED) {
      notices.flapping(monitor, at, "stopped flapping: now " + (up ? "up" : "down"), monitor + " stopped flapping: " + (up ? "up" : "down"));
      if (up) {
        escalations.settle(monitor, at);
      } else {
        for (Alert a : List.copyOf(open.values())) {
          if (a.monitor().equals(monitor) && a.state() == AlertState.FIRING && !escalations.running(a.id())) {
            fire(a, rules.decide(new AlertChange(AlertChange.Kind.FIRED, a, at)), at);
          }
        }
      }
    }
  }

  /** True while {@code monitor} fails: its last check failed, or an alert of it is open and not acknowledged away. */
  private boolean failing(String monitor) {
    if (down.contains(monitor)) return true;
    for (Alert a : open.values()) {
      if (a.monitor().equals(monitor)) return true;
    }
    return false;
  }

  /** {@code parent} recovered: the alerts it held that still fail make their noise now, once, on their own. */
  private void release(String parent, Instant now) {
    for (Alert child : dependents.release(parent)) {
      Alert a = open.get(child.id());
      if (a == null || a.state() != AlertState.FIRING) continue;
      fireAgain(a, "still failing after " + parent + " recovered", now);
    }
  }

  /** Decides a firing alert again, as if it fired now, saying why first: it was held back and is still open. */
  void fireAgain(Alert a, String why, Instant now) {
    Decision d = rules.decide(new AlertChange(AlertChange.Kind.FIRED, a, now));
    fire(a, new Decision(d.channel(), d.level(), d.outcome(), why + ": " + d.reason()), now);
  }

  /** The open alert with this id as last heard, if it is open. */
  Optional<Alert> open(long alertId) {
    return Optional.ofNullable(open.get(alertId));
  }

  private void fire(Alert alert, Decision d, Instant now) {
    if (alert.heldBy() != null && failing(alert.heldBy()) && !alert.monitor().equals(alert.heldBy())) {
      dependents.hold(alert);
      deliveries.record(now, alert.id(), Decision.suppressed(d.channel(), d.level(), "held: " + alert.heldBy() + " is down"));
      return;
    }
    boolean noisy = d.isSent() && d.level().isNoisy();
    if (noisy && d.level() != Level.WAKE && flaps.isFlapping(alert.monitor())) {
      d = Decision.suppressed(d.channel(), d.level(), "flapping: one notice was given");
      noisy = false;
    }
    Optional<NetworkSense.Offline> offline = notices.networkDown();
    if (noisy && offline.isPresent() && offline.get().explains(alert.monitor())) {
      d = Decision.suppressed(d.channel(), d.level(), offline.get().reason() + ": one notice, not a page per monitor");
      noisy = false;
    }
    StormDetector.Verdict verdict = null;
    if (noisy) {
      verdict = storm.observe(alert.id(), alert.monitor(), now);
      boolean ladderRunning = !escalations.rungs().isEmpty();
      if (verdict.status() == StormDetector.Status.JOINED && (d.level() != Level.WAKE || ladderRunning)) {
        d = Decision.suppressed(d.channel(), d.level(), "part of a storm: " + verdict.members().size()
            + " alerts since " + Times.clock(verdict.members().get(0).at(), now, rules.zone()));
      }
    }
    if (verdict != null && verdict.status() == StormDetector.Status.STARTED) {
      // The alerts still waiting out the group wait are part of this storm: one notice lists them all.
      String part = "part of a storm: " + verdict.members().size() + " alerts since "
          + Times.clock(verdict.members().get(0).at(), now, rules.zone());
      for (Pending p : waiting.values()) {
        deliveries.record(now, p.alert().id(), Decision.suppressed(p.decision().channel(), p.decision().level(), part));
      }
      waiting.clear();
      notices.storm(verdict, d.level(), now);
      if (d.level() != Level.WAKE) {
        deliveries.record(now, alert.id(), Decision.suppressed(d.channel(), d.level(), part));
        return;
      }
    } else if (noisy && d.isSent() && d.level() != Level.WAKE) {
      waiting.put(alert.id(), new Pending(alert, d, now.plus(GROUP_WAIT)));
      return;
    }
    recordUnlessDesktop(now, alert, d);
    if (d.outcome() == Outcome.SUPPRESSED && d.reason().startsWith("quiet mode")) held.heldByQuiet(alert);
    if (d.outcome() == Outcome.SUPPRESSED && d.reason().startsWith("in maintenance")) {
      rules.maintenance(alert, now).ifPresent(o -> inMaintenance.put(alert.id(), o.id()));
    }
    act(alert, d, now);
  }

  /** Records the decision now, except a desktop notification to send: that is recorded once sent, or failed. */
  private void recordUnlessDesktop(Instant now, Alert alert, Decision d) {
    if (!(d.isSent() && (d.level() == Level.CHIME || d.level() == Level.NOTIFY))) deliveries.record(now, alert.id(), d);
  }

  /** The alerts a maintenance window held back whose window has ended: still failing, they make noise now, once. */
  void maintenanceEnded(Instant now) {
    var it = inMaintenance.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, String> e = it.next();
      Alert a = open.get(e.getKey());
      if (a != null && rules.maintenance(a, now).isPresent()) continue;
      it.remove();
      if (a == null || a.state() != AlertState.FIRING) continue;
      fireAgain(a, "still failing after maintenance " + e.getValue() + " ended", now);
    }
  }

  /** A day notification waits out its group wait, or an alert the end of its maintenance window. */
  boolean waiting() {
    return !waiting.isEmpty() || !inMaintenance.isEmpty();
  }

  /** Sends the day notifications whose group wait is over without a storm forming. */
  void flush(Instant now) {
    var it = waiting.values().iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      if (p.due().isAfter(now)) continue;
      it.remove();
      recordUnlessDesktop(now, p.alert(), p.decision());
      act(p.alert(), p.decision(), now);
    }
  }

  private void act(Alert alert, Decision d, Instant now) {
    if (d.level() == Level.DIGEST) {
      held.holdOvernight(alert);
      return;
    }
    if (!d.isSent()) return;
    switch (d.level()) {
      case WAKE -> escalations.start(alert, now);
      case CHIME -> {
        deliveries.deliverRecorded(d.channel(), Level.CHIME, desktop, Message.about(alert, dependents.body(alert), true),
            now, null, d.reason());
        alarm.chime();
      }
      case NOTIFY -> deliveries.deliverRecorded(d.channel(), Level.NOTIFY, desktop,
          Message.about(alert, dependents.body(alert), false), now, null, d.reason());
      default -> {}
    }
  }
}
