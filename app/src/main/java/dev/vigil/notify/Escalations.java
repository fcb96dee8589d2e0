package dev.vigil.notify;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.http.Web;
import dev.vigil.policy.Decision;
import dev.vigil.config.Durations;
import dev.vigil.policy.Level;
import dev.vigil.policy.Outcome;
import dev.vigil.policy.Policy;
import dev.vigil.policy.QuietMode;
import dev.vigil.policy.Silence;
import dev.vigil.store.PendingEscalation;
import dev.vigil.store.PolicyStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the {@link WakeLadder}: confirms with a fresh check, sounds the alarm and shows the acknowledge window,
 * pages the phone, calls the further contact, and stops it all on acknowledgement. Every place on the ladder is
 * persisted, so a restart resumes it. Guarded by the {@link Notifier}'s monitor ({@code lock}); the answers that
 * arrive on the I/O executor (the fresh check, the Pushover receipt) take it too.
 */
final class Escalations {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class); // one log for all of noise control
  static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(15);
  /** The decisions that say the phone step was taken: sent or failed to ntfy or Pushover, or no phone configured. */
  private static final Set<String> PHONE_CHANNELS = Set.of("ntfy", "pushover", "phone");

  private final Object lock;
  private final PolicyInForce rules;
  private final Deliveries deliveries;
  private final PolicyStore store;
  private final Clock clock;
  private final Executor io;
  private final Channel desktop;
  private final Alarm alarm;
  private final AckWindow ackWindow;
  private final Function<String, CompletableFuture<Boolean>> confirm;
  private final boolean phoneFromPolicy;
  private Channel ntfy;
  private PushoverChannel pushover;
  private Channel webhook;
  private final WakeLadder ladder;
  private final Web web;
  private final Set<Long> toldCheckPassed = new HashSet<>();
  /** Pushover asks that a receipt be polled no more often than this. */
  static final Duration RECEIPT_POLL = Duration.ofSeconds(5);
  private final Map<Long, Instant> receiptPolled = new HashMap<>();
  /** Told when a Pushover emergency page was acknowledged on the phone. */
  private java.util.function.LongConsumer acknowledgedOnPhone = id -> {};
  private java.util.function.LongConsumer stoppedOffShift = id -> {};
  private final Dependents dependents;

  Escalations(Notifier.Builder b, Object lock, PolicyInForce rules, Deliveries deliveries, Executor io, Dependents dependents) {
    this.dependents = dependents;
    this.lock = lock;
    this.rules = rules;
    this.deliveries = deliveries;
    this.store = b.store;
    this.clock = b.clock;
    this.io = io;
    this.desktop = b.desktop;
    this.alarm = b.alarm;
    this.ackWindow = b.ackWindow;
    this.confirm = b.confirm;
    this.phoneFromPolicy = b.ntfy == null && b.pushover == null && b.webhook == null;
    this.ntfy = b.ntfy;
    this.pushover = b.pushover;
    this.webhook = b.webhook;
    this.web = b.web();
    if (phoneFromPolicy) channelsFrom(b.policy);
    this.ladder = new WakeLadder(b.policy.escalation());
  }

  void update(Policy newPolicy) {
    ladder.retime(newPolicy.escalation());
    if (phoneFromPolicy) channelsFrom(newPolicy);
  }

  private void channelsFrom(Policy p) {
    Policy.Channels c = p.channels();
    ntfy = c.ntfy() == null ? null : new NtfyChannel(c.ntfy(), web);
    pushover = c.pushover() == null ? null : new PushoverChannel(c.pushover(), web);
    webhook = c.webhook() == null ? null : new WebhookChannel(c.webhook(), web);
  }

  void onPhoneAcknowledged(java.util.function.LongConsumer listener) {
    this.acknowledgedOnPhone = listener;
  }

  /** Told of each alert whose ladder came due off call and was stopped instead (see {@link ShiftEnd}). */
  void onStoppedOffShift(java.util.function.LongConsumer listener) {
    this.stoppedOffShift = listener;
  }

  Collection<WakeLadder.Rung> rungs() {
    return ladder.rungs();
  }

  /** A ladder runs (not acknowledged): its steps are due within seconds. An acknowledged one waits hours to wake again. */
  boolean ringing() {
    for (WakeLadder.Rung r : ladder.rungs()) {
      if (r.step() >= 0) return true;
    }
    return false;
  }

  /** Puts an alert on the ladder; it is confirmed at once. */
  void start(Alert alert, Instant now) {
    ladder.start(alert, now);
    persist(alert.id());
    run(now);
  }

  /**
   * Resumes every persisted ladder whose alert is still open and firing; an acknowledged alert waits for its
   * re-wake instead of sounding at start-up.
   */
  void resume(List<Alert> openAlerts, Instant now) {
    Map<Long, Alert> byId = new HashMap<>();
    for (Alert a : openAlerts) byId.put(a.id(), a);
    for (PendingEscalation p : store.escalations()) {
      Alert a = byId.get(p.alertId());
      if (a == null || !a.isOpen()) {
        deliveries.write(() -> store.deleteEscalation(p.alertId()));
        continue;
      }
      PendingEscalation q = a.state() == AlertState.ACKNOWLEDGED && p.step() >= 0
          ? new PendingEscalation(p.alertId(), -1, null, null, p.startedAt(), now) : unsent(p);
      ladder.restore(q, a, now);
      if (q.step() >= 0) deliveries.record(now, a.id(), Decision.sent("ladder", Level.WAKE, "resumed after restart"));
      persist(a.id());
    }
    run(now);
  }

  /**
   * A step is persisted as taken when it is due, and its send is recorded when it returns. A kill in between
   * leaves a step taken whose page never left: it is taken again (a page twice beats a page never sent).
   */
  private PendingEscalation unsent(PendingEscalation p) {
    if (p.step() < 2) return p;
    Set<String> decided = store.channelsDecided(p.alertId(), p.startedAt());
    int step = Collections.disjoint(decided, PHONE_CHANNELS) ? 1 : p.step() == 3 && !decided.contains("webhook") ? 2 : p.step();
    return step == p.step() ? p : new PendingEscalation(p.alertId(), step, p.nextAt(), p.receipt(), p.startedAt(), p.ackedAt());
  }

  /** Stops the ladder of a silenced alert, then takes every step due at {@code now}. */
  void run(Instant now) {
    for (WakeLadder.Rung r : ladder.rungs()) {
      Optional<Silence> s = Silence.firstMatch(rules.silences(), r.alert(), now);
      if (s.isPresent() && r.step() >= 0) {
        deliveries.record(now, r.alert().id(), Decision.suppressed("ladder", Level.WAKE, s.get().describe(now, rules.zone())));
        stop(r.alert().id(), now, false);
        continue;
      }
      Optional<dev.vigil.policy.MaintenanceWindow.Occurrence> m = rules.maintenance(r.alert(), now);
      if (m.isPresent() && r.step() >= 0) {
        deliveries.record(now, r.alert().id(), Decision.suppressed("ladder", Level.WAKE,
            dev.vigil.policy.MaintenanceWindow.describe(m.get(), now, rules.zone())));
        stop(r.alert().id(), now, false);
      }
    }
    pollReceipts(now);
    for (WakeLadder.Due due : ladder.tick(now)) {
      switch (due.action()) {
        case CONFIRM -> confirm(due.alert(), now);
        case PHONE -> phone(due.alert(), now);
        case CONTACT -> contact(due.alert(), now);
        case SETTLED -> settled(due.alert(), now, "stayed resolved for " + Durations.format(WakeLadder.SETTLE));
        default -> {}
      }
      persist(due.alert().id());
    }
  }

  /**
   * The alert resolved. A loud, unacknowledged ladder is held: the alarm goes on (one alarm per incident, however it
   * flaps) until it is acknowledged, reopens (it carries on), or stays resolved for {@link WakeLadder#SETTLE}. Any other
   * ladder stops. True when held.
   */
  boolean resolved(Alert alert, Instant now) {
    if (ladder.hold(alert.id(), alert, now)) {
      deliveries.record(now, alert.id(), Decision.suppressed("ladder", Level.WAKE, "resolved while the alarm sounds: it goes on"
          + " until acknowledged or " + alert.monitor() + " stays up for " + Durations.format(WakeLadder.SETTLE)));
      return true;
    }
    stop(alert.id(), now, false);
    return false;
  }

  /** A reopen that came back acknowledged: no noise now, a re-wake if it is still open {@code rewakeAfter} later. */
  void park(Alert alert, Instant now) {
    ladder.park(alert, now);
    persist(alert.id());
  }

  /** Whether the alert is on the ladder and not acknowledged (confirming, sounding or held). */
  boolean running(long alertId) {
    return ladder.snapshot(alertId).map(p -> p.step() >= 0).orElse(false);
  }

  /** Stops the held ladders of a monitor that settled up (one notice says so, with its final state). */
  void settle(String monitor, Instant now) {
    for (WakeLadder.Rung r : ladder.rungs()) {
      if (r.alert().monitor().equals(monitor) && r.resolvedAt() != null) {
        stop(r.alert().id(), now, false);
        deliveries.record(now, r.alert().id(), Decision.suppressed("ladder", Level.WAKE, "alarm stopped: " + monitor + " settled up"));
      }
    }
  }

  private void settled(Alert a, Instant now, String why) {
    stop(a.id(), now, false);
    String reason = "alarm stopped: " + a.monitor() + " " + why;
    deliveries.deliverRecorded("desktop", Level.NOTIFY, desktop,
        new Message(a.id(), a.monitor() + " recovered", "resolved; the alarm stopped (" + why + ")", false), now, null, reason);
  }

  /** While an emergency page is outstanding, asks Pushover every {@link #RECEIPT_POLL} whether it was acknowledged. */
  private void pollReceipts(Instant now) {
    PushoverChannel p = pushover;
    receiptPolled.keySet().removeIf(id -> ladder.rungs().stream().noneMatch(r -> r.alert().id() == id && r.receipt() != null));
    if (p == null) return;
    for (WakeLadder.Rung r : ladder.rungs()) {
      String receipt = r.receipt();
      long id = r.alert().id();
      if (receipt == null || r.step() < 0) continue;
      Instant last = receiptPolled.get(id);
      if (last != null && now.isBefore(last.plus(RECEIPT_POLL))) continue;
      receiptPolled.put(id, now);
      io.execute(() -> {
        try {
          if (p.acknowledged(receipt)) acknowledgedOnPhone.accept(id);
        } catch (IOException e) {
          LOG.warn("Cannot read Pushover receipt of alert {}: {}", id, e.getMessage());
        }
      });
    }
  }

  /**
   * Takes an alert off the ladder (or, when {@code rewakeLater}, parks it to wake again if still open): the
   * alarm stops unless another alert is loud, and a Pushover emergency page is cancelled.
   */
  void stop(long alertId, Instant now, boolean rewakeLater) {
    Optional<WakeLadder.Rung> before = rewakeLater ? ladder.acknowledged(alertId, now) : ladder.remove(alertId);
    if (!ladder.anyLoud()) alarm.stop();
    if (before.isEmpty()) return;
    toldCheckPassed.remove(alertId);
    if (before.get().isLoud()) ackWindow.hide(alertId);
    String receipt = before.get().receipt();
    if (receipt != null && pushover != null) {
      PushoverChannel p = pushover;
      io.execute(() -> {
        try {
          p.cancel(receipt);
          deliveries.record(clock.instant(), alertId, Decision.sent("pushover", Level.WAKE, "emergency cancelled: acknowledged on the desktop"));
        } catch (IOException e) {
          deliveries.record(clock.instant(), alertId, new Decision("pushover", Level.WAKE, Outcome.FAILED, "cancel failed: " + e.getMessage()));
        }
      });
    }
    persist(alertId);
  }

  private void confirm(Alert alert, Instant now) {
    Optional<String> offShift = rules.offShiftHolds(alert.severity(), now);
    if (offShift.isPresent()) { // a re-wake or a ladder resumed after a restart, due while off call
      deliveries.record(now, alert.id(), Decision.suppressed("ladder", Level.WAKE, "off call: " + offShift.get()));
      stop(alert.id(), now, false);
      stoppedOffShift.accept(alert.id());
      return;
    }
    Optional<QuietMode> q = rules.quietFor(alert.monitor(), now);
    if (q.isPresent()) {
      deliveries.record(now, alert.id(), Decision.suppressed("ladder", Level.WAKE, q.get().describe(now, rules.zone())));
      stop(alert.id(), now, false);
      return;
    }
    if (confirm == null) {
      confirmed(alert.id(), true);
      return;
    }
    io.execute(() -> {
      CompletableFuture<Boolean> answer;
      try {
        answer = confirm.apply(alert.monitor());
      } catch (RuntimeException e) {
        answer = CompletableFuture.completedFuture(true);
      }
      answer.completeOnTimeout(true, CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .exceptionally(e -> true) // cannot tell: wake rather than risk sleeping through it
          .thenAccept(still -> confirmed(alert.id(), Objects.requireNonNullElse(still, true)));
    });
  }

  private void confirmed(long alertId, boolean stillFailing) {
    synchronized (lock) {
      Instant now = clock.instant();
      Optional<WakeLadder.Due> alarmDue = ladder.confirmed(alertId, stillFailing, now);
      if (alarmDue.isEmpty()) {
        if (!stillFailing && ladder.contains(alertId) && toldCheckPassed.add(alertId)) {
          deliveries.record(now, alertId, Decision.suppressed("ladder", Level.WAKE,
              "a fresh check passed: not waking (checking again every " + Durations.format(WakeLadder.RECONFIRM) + ")"));
        }
        persist(alertId);
        return;
      }
      toldCheckPassed.remove(alertId);
      Alert a = alarmDue.get().alert();
      alarm.start(rules.policy().escalation().rampUp());
      ackWindow.show(a);
      deliveries.record(now, alertId, Decision.sent("ladder", Level.WAKE, "alarm: " + a.monitor() + " still failing on a fresh check" + cause(a)));
      deliveries.deliver("desktop", Level.WAKE, desktop, Message.about(a, dependents.body(a), true), null);
      persist(alertId);
    }
  }

  private void phone(Alert a, Instant now) {
    String why = "unacknowledged after " + Durations.format(rules.policy().escalation().escalateAfter()) + cause(a);
    if (ntfy == null && pushover == null) {
      deliveries.record(now, a.id(), Decision.suppressed("phone", Level.WAKE, why + ": no phone channel configured"));
      return;
    }
    Message m = new Message(a.id(), Message.titleOf(a), dependents.body(a, " (vigil ack " + a.id() + ")"), true, null,
        Message.runbookOf(a));
    // When every phone channel fails (an error, a 429), the ladder goes on to the further contact at once.
    int[] failuresLeft = {(ntfy != null ? 1 : 0) + (pushover != null ? 1 : 0)};
    Runnable failed = () -> {
      synchronized (lock) {
        if (--failuresLeft[0] > 0) return;
        ladder.phoneFailed(a.id());
        run(clock.instant());
      }
    };
    if (ntfy != null) {
      Channel page = ntfy;
      // Each page its own token, recorded before it leaves: its Acknowledge button answers for this alert only.
      Channel withButton = msg -> page.send(msg.withAckToken(store.phoneAcks().issue(a.id(), "ntfy", clock.instant())));
      deliveries.deliverRecorded("ntfy", Level.WAKE, withButton, m, now, null, why, failed);
    }
    if (pushover != null) {
      deliveries.deliverRecorded("pushover", Level.WAKE, pushover, m, now, receipt -> {
        synchronized (lock) {
          if (ladder.snapshot(a.id()).map(p -> p.step() >= 0).orElse(false)) {
            ladder.setReceipt(a.id(), receipt);
            persist(a.id());
          } else if (pushover != null) {
            try {
              pushover.cancel(receipt); // acknowledged while the page was on its way
            } catch (IOException e) {
              LOG.warn("Cannot cancel Pushover receipt: {}", e.getMessage());
            }
          }
        }
      }, why, failed);
    }
  }

  private void contact(Alert a, Instant now) {
    String why = ladder.snapshot(a.id()).isPresent() && !now.isBefore(ladderStart(a.id()).plus(rules.policy().escalation().contactAfter()))
        ? "unacknowledged after " + Durations.format(rules.policy().escalation().contactAfter()) + cause(a)
        : "every phone channel failed" + cause(a);
    if (webhook == null) {
      deliveries.record(now, a.id(), Decision.suppressed("webhook", Level.WAKE, why + ": no further contact configured"));
      return;
    }
    deliveries.deliverRecorded("webhook", Level.WAKE, webhook, new Message(a.id(), Message.titleOf(a), dependents.body(a), true), now, null, why);
  }

  /** {@code : core-db is down; 12 services behind it are failing}, or nothing. */
  private String cause(Alert a) {
    String c = dependents.rootCause(a);
    return c.isEmpty() ? "" : ": " + c;
  }

  private Instant ladderStart(long alertId) {
    return ladder.snapshot(alertId).map(dev.vigil.store.PendingEscalation::startedAt).orElse(Instant.MIN);
  }

  private void persist(long alertId) {
    deliveries.persist(alertId, ladder.snapshot(alertId));
  }
}
