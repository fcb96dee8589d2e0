package dev.vigil.notify;

import dev.vigil.alert.Alert;
import dev.vigil.policy.Policy;
import dev.vigil.store.PendingEscalation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wake ladder for each critical overnight alert, as a state machine driven by {@link #tick(Instant)}:
 *
 * <ol>
 *   <li>confirm: a fresh check must still fail ({@link Action#CONFIRM}); if it passes, ask again in a minute;
 *   <li>alarm: the rising alarm and the always-on-top acknowledge window ({@link Action#ALARM});
 *   <li>{@code escalateAfter} after the alarm started: the phone ({@link Action#PHONE});
 *   <li>{@code contactAfter}: the further contact ({@link Action#CONTACT}); the alarm goes on until acknowledged.
 * </ol>
 *
 * Acknowledging stops it; if the alert is still open {@code rewakeAfter} later the ladder starts over.
 *
 * <p>One alarm per incident: an alert that resolves while its alarm sounds unacknowledged is {@link #hold held}: the
 * alarm goes on, the phone steps wait, and a reopen (the same alert firing again) carries on where it was instead of
 * starting over. Only after {@link #SETTLE} resolved does it come off the ladder ({@link Action#SETTLED}). So a
 * service that flaps makes one continuous alarm, not one per re-fire. No I/O and no threads: the {@link Notifier} performs the actions and persists {@link #snapshot}s.
 */
public final class WakeLadder {
  static final Duration RECONFIRM = Duration.ofMinutes(1);
  /** How long a held alert must stay resolved before its alarm stops. */
  public static final Duration SETTLE = Duration.ofMinutes(1);

  public enum Action { CONFIRM, ALARM, PHONE, CONTACT, SETTLED }

  /** An action due now for an alert. */
  public record Due(Action action, Alert alert, Rung rung) {}

  /** One alert's place on the ladder. */
  public static final class Rung {
    Alert alert;
    int step; // 0 not loud yet, 1 alarm, 2 phoned, 3 contacted, -1 acknowledged
    Instant startedAt;
    Instant nextAt;
    Instant ackedAt;
    String receipt;
    boolean confirming;
    boolean loud;
    boolean phoneFailed; // every phone channel failed: the further contact is due at once
    Instant resolvedAt; // held: resolved while loud and unacknowledged

    public Alert alert() {
      return alert;
    }

    public int step() {
      return step;
    }

    public boolean isLoud() {
      return loud;
    }

    public String receipt() {
      return receipt;
    }

    /** Resolved while its alarm sounds; null while the alert is open. */
    public Instant resolvedAt() {
      return resolvedAt;
    }
  }

  private Policy.Escalation timing;
  private final Map<Long, Rung> rungs = new LinkedHashMap<>();

  public WakeLadder(Policy.Escalation timing) {
    this.timing = timing;
  }

  public void retime(Policy.Escalation newTiming) {
    this.timing = newTiming;
  }

  /** Puts an alert on the ladder (or refreshes it if already there); the first tick confirms it. */
  public void start(Alert alert, Instant now) {
    Rung r = rungs.get(alert.id());
    if (r != null && r.step >= 0) {
      r.alert = alert;
      r.resolvedAt = null; // reopened: carries on where it was
      return;
    }
    r = new Rung();
    r.alert = alert;
    r.step = 0;
    r.startedAt = now;
    r.nextAt = now;
    rungs.put(alert.id(), r);
  }

  /**
   * Puts an alert that came back acknowledged (a reopen) on the ladder as acknowledged: it wakes again if still open
   * {@code rewakeAfter} from now. An alert already on the ladder is left as it is.
   */
  public void park(Alert alert, Instant now) {
    if (rungs.containsKey(alert.id())) return;
    Rung r = new Rung();
    r.alert = alert;
    r.step = -1;
    r.startedAt = now;
    r.ackedAt = now;
    r.nextAt = now.plus(timing.rewakeAfter());
    rungs.put(alert.id(), r);
  }

  /** Brings back a persisted ladder after a restart. An acknowledged one never sounds at start-up. */
  public void restore(PendingEscalation p, Alert alert, Instant now) {
    Rung r = new Rung();
    r.alert = alert;
    r.step = p.step();
    r.startedAt = p.startedAt();
    r.ackedAt = p.ackedAt();
    r.receipt = p.receipt();
    if (r.step < 0) {
      Instant earliest = now.plus(timing.rewakeAfter());
      r.nextAt = p.nextAt() == null || p.nextAt().isBefore(earliest) ? earliest : p.nextAt();
    } else {
      r.nextAt = now; // confirm again, then the alarm; phone steps already taken are not repeated
    }
    rungs.put(alert.id(), r);
  }

  public List<Due> tick(Instant now) {
    List<Due> due = new ArrayList<>();
    for (Rung r : rungs.values()) {
      if (r.step < 0) {
        if (r.nextAt != null && !now.isBefore(r.nextAt)) {
          r.step = 0;
          r.startedAt = now;
          r.ackedAt = null;
          r.receipt = null;
          r.nextAt = now;
        } else {
          continue;
        }
      }
      if (r.resolvedAt != null) {
        if (!now.isBefore(r.resolvedAt.plus(SETTLE))) due.add(new Due(Action.SETTLED, r.alert, r));
        continue; // no page for a resolved alert
      }
      if (!r.loud) {
        if (!r.confirming && r.nextAt != null && !now.isBefore(r.nextAt)) {
          r.confirming = true;
          due.add(new Due(Action.CONFIRM, r.alert, r));
        }
        continue;
      }
      if (r.step == 1 && !now.isBefore(r.startedAt.plus(timing.escalateAfter()))) {
        r.step = 2;
        r.nextAt = r.startedAt.plus(timing.contactAfter());
        due.add(new Due(Action.PHONE, r.alert, r));
      }
      if (r.step == 2 && (r.phoneFailed || !now.isBefore(r.startedAt.plus(timing.contactAfter())))) {
        r.step = 3;
        r.nextAt = null;
        due.add(new Due(Action.CONTACT, r.alert, r));
      }
    }
    return due;
  }

  /**
   * The fresh check answered. Still failing: the alarm ({@link Action#ALARM} is returned). Passing: no noise,
   * ask again in a minute.
   */
  public Optional<Due> confirmed(long alertId, boolean stillFailing, Instant now) {
    Rung r = rungs.get(alertId);
    if (r == null || !r.confirming) return Optional.empty();
    r.confirming = false;
    if (!stillFailing) {
      r.nextAt = now.plus(RECONFIRM);
      return Optional.empty();
    }
    r.loud = true;
    if (r.step == 0) {
      r.step = 1;
      r.startedAt = now;
    }
    r.nextAt = r.step == 1 ? r.startedAt.plus(timing.escalateAfter())
        : r.step == 2 ? r.startedAt.plus(timing.contactAfter()) : null;
    return Optional.of(new Due(Action.ALARM, r.alert, r));
  }

  /**
   * The alert resolved: a loud, unacknowledged ladder is held (true: its alarm goes on until {@link #SETTLE} passes
   * or it is acknowledged); any other is not (false: take it off).
   */
  public boolean hold(long alertId, Alert resolved, Instant now) {
    Rung r = rungs.get(alertId);
    if (r == null || r.step < 1 || !r.loud) return false;
    r.alert = resolved;
    if (r.resolvedAt == null) r.resolvedAt = now;
    return true;
  }

  /** Stops the ladder; returns the rung that was loud or pending, if any, to cancel what it started. */
  public Optional<Rung> acknowledged(long alertId, Instant now) {
    Rung r = rungs.get(alertId);
    if (r == null || r.step < 0) return Optional.empty();
    if (r.resolvedAt != null) return remove(alertId); // resolved: nothing to wake for again
    Rung before = copy(r);
    r.step = -1;
    r.loud = false;
    r.confirming = false;
    r.ackedAt = now;
    r.nextAt = now.plus(timing.rewakeAfter());
    r.receipt = null;
    return Optional.of(before);
  }

  /** Takes the alert off the ladder for good (resolved, silenced, flapping). */
  public Optional<Rung> remove(long alertId) {
    return Optional.ofNullable(rungs.remove(alertId));
  }

  /** Every phone channel failed (an error, a 429): the ladder goes on to the further contact at the next tick. */
  public void phoneFailed(long alertId) {
    Rung r = rungs.get(alertId);
    if (r != null && r.step == 2) r.phoneFailed = true;
  }

  public void setReceipt(long alertId, String receipt) {
    Rung r = rungs.get(alertId);
    if (r != null) r.receipt = receipt;
  }

  public boolean anyLoud() {
    return rungs.values().stream().anyMatch(r -> r.loud);
  }

  public boolean contains(long alertId) {
    return rungs.containsKey(alertId);
  }

  public Collection<Rung> rungs() {
    return List.copyOf(rungs.values());
  }

  public Optional<PendingEscalation> snapshot(long alertId) {
    Rung r = rungs.get(alertId);
    if (r == null) return Optional.empty();
    return Optional.of(new PendingEscalation(alertId, r.step, r.nextAt, r.receipt, r.startedAt, r.ackedAt));
  }

  private static Rung copy(Rung r) {
    Rung c = new Rung();
    c.alert = r.alert;
    c.step = r.step;
    c.startedAt = r.startedAt;
    c.nextAt = r.nextAt;
    c.ackedAt = r.ackedAt;
    c.receipt = r.receipt;
    c.confirming = r.confirming;
    c.loud = r.loud;
    c.resolvedAt = r.resolvedAt;
    c.phoneFailed = r.phoneFailed;
    return c;
  }
}
