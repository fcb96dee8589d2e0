package dev.vigil.notify;

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
  private StormDetector storm;
  private final FlapDetector flaps = new FlapDetector();
  private final Map<Long, Alert> open = new LinkedHashMap<>();

  AlertNoise(Notifier.Builder b, PolicyInForce rules, Deliveries deliveries, Escalations escalations,
      HeldNotices held, Notices notices) {
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
    Decision d = rules.decide(change);
    switch (change.kind()) {
      case ACKNOWLEDGED -> {
        deliveries.record(now, alert.id(), d);
        escalations.stop(alert.id(), now, true);
      }
      case SNOOZED -> {
        deliveries.record(now, alert.id(), d);
        escalations.stop(alert.id(), now, false);
      }
      case RESOLVED -> {
        deliveries.record(now, alert.id(), d);
        escalations.stop(alert.id(), now, false);
        held.resolved(alert);
      }
      default -> fire(alert, d, now);
    }
  }

  /**
   * One check result: when the monitor starts flapping its alarms stop and one notice says so; when it stops,
   * a notice, and its alerts still firing fire again.
   */
  void checked(String monitor, boolean up, Instant at) {
    FlapDetector.Flap f = flaps.observe(monitor, up);
    if (f.status() == FlapDetector.Status.STARTED) {
      escalations.stopAll(monitor, at);
      notices.flapping(monitor, at, String.format("flapping: %.0f %% state change over the last 21 checks; no alarm until it settles", f.percent()),
          monitor + " is flapping");
    } else if (f.status() == FlapDetector.Status.STOPPED) {
      notices.flapping(monitor, at, "stopped flapping: now " + (up ? "up" : "down"), monitor + " stopped flapping: " + (up ? "up" : "down"));
      if (!up) {
        for (Alert a : List.copyOf(open.values())) {
          if (a.monitor().equals(monitor) && a.state() == AlertState.FIRING) fire(a, rules.decide(new AlertChange(AlertChange.Kind.FIRED, a, at)), at);
        }
      }
    }
  }

  private void fire(Alert alert, Decision d, Instant now) {
    boolean noisy = d.isSent() && d.level().isNoisy();
    if (noisy && flaps.isFlapping(alert.monitor())) {
      d = Decision.suppressed(d.channel(), d.level(), "flapping: one notice was given, no alarm");
      noisy = false;
    }
    Optional<String> offline = notices.networkDown();
    if (noisy && offline.isPresent()) {
      d = Decision.suppressed(d.channel(), d.level(), offline.get() + ": one notice, not a page per monitor");
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
    deliveries.record(now, alert.id(), d);
    if (d.outcome() == Outcome.SUPPRESSED && d.reason().startsWith("quiet mode")) held.heldByQuiet(alert);
    if (verdict != null && verdict.status() == StormDetector.Status.STARTED) notices.storm(verdict, d.level(), now);
    act(alert, d, now);
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
        deliveries.deliver("desktop", Level.CHIME, desktop, new Message(alert.id(), Message.titleOf(alert), alert.summary(), true), null);
        alarm.chime();
      }
      case NOTIFY -> deliveries.deliver("desktop", Level.NOTIFY, desktop, new Message(alert.id(), Message.titleOf(alert), alert.summary(), false), null);
      default -> {}
    }
  }
}
