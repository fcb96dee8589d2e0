package dev.vigil.notify;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.policy.Decision;
import dev.vigil.policy.Level;
import dev.vigil.policy.OnCall;
import dev.vigil.policy.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The wake ladder at a shift's end: off shift nothing wakes (unless {@code offShift} says a severity does), so a ladder
 * still running when the shift ends stops, with one notice naming what is still open, now the next shift's. The alerts
 * stay open and unacknowledged; back on call, each one stopped so that is still open is decided again, once, as at a
 * maintenance window's end. Guarded by the {@link Notifier}'s monitor; {@link #tick} runs before the ladder's steps.
 */
final class ShiftEnd {
  private final PolicyInForce rules;
  private final Deliveries deliveries;
  private final Channel desktop;
  private final Escalations escalations;
  private final AlertNoise noise;
  /** Alerts whose ladder stopped off call: decided again when the person is back on call. */
  private final Set<Long> stopped = new LinkedHashSet<>();
  /** The end of the shift last seen in force. */
  private Instant shiftEnds;

  ShiftEnd(PolicyInForce rules, Deliveries deliveries, Channel desktop, Escalations escalations, AlertNoise noise) {
    this.rules = rules;
    this.deliveries = deliveries;
    this.desktop = desktop;
    this.escalations = escalations;
    this.noise = noise;
    escalations.onStoppedOffShift(stopped::add);
  }

  void tick(Instant now) {
    OnCall.Status s = rules.onCall().at(now);
    if (s.onCall()) {
      shiftEnds = s.until();
      backOnCall(now);
      return;
    }
    List<WakeLadder.Rung> ringing = new ArrayList<>();
    List<String> why = new ArrayList<>();
    for (WakeLadder.Rung r : escalations.rungs()) {
      if (r.step() < 0) continue; // acknowledged: a re-wake due off call is held back when it comes (Escalations.confirm)
      Optional<String> holds = rules.offShiftHolds(r.alert().severity(), now);
      if (holds.isEmpty()) continue;
      ringing.add(r);
      why.add(holds.get());
    }
    if (ringing.isEmpty()) return;
    String ended = shiftEnds != null && !shiftEnds.isAfter(now)
        ? "Your shift ended at " + Times.clock(shiftEnds, now, rules.zone()) : "You are off call";
    boolean loud = ringing.stream().anyMatch(WakeLadder.Rung::isLoud);
    String what = loud ? "stopped the alarm" : "stopped waking you";
    for (int i = 0; i < ringing.size(); i++) {
      WakeLadder.Rung r = ringing.get(i);
      long id = r.alert().id();
      deliveries.record(now, id, Decision.suppressed("ladder", Level.WAKE, lower(ended) + ": " + why.get(i) + "; " + what
          + (r.resolvedAt() == null ? " (still open, the next shift's now)" : " (resolved meanwhile)")));
      escalations.stop(id, now, false);
      if (r.resolvedAt() == null) stopped.add(id);
    }
    Collection<Alert> open = noise.openAlerts();
    String still = open.isEmpty() ? "nothing still open" : open.size() + " still open: " + HandOff.monitors(open);
    String body = Character.toUpperCase(what.charAt(0)) + what.substring(1) + "; " + still
        + (open.isEmpty() ? "." : " (the next shift's now).");
    deliveries.deliverRecorded("desktop", Level.NOTIFY, desktop, new Message(null, ended, body, false), now, null,
        lower(ended) + ": " + what + "; " + still);
  }

  /** On call again: each alert whose ladder stopped off call and that still fires unacknowledged is decided again, once. */
  private void backOnCall(Instant now) {
    if (stopped.isEmpty()) return;
    List<Long> ids = List.copyOf(stopped);
    stopped.clear();
    for (long id : ids) {
      // acknowledged or snoozed meanwhile, or resolved: no noise, as for any alert acknowledged off the ladder
      noise.open(id).filter(a -> a.state() == AlertState.FIRING).ifPresent(a -> noise.fireAgain(a, "on call again, still open", now));
    }
  }

  private static String lower(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
