package dev.vigil.engine;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertChange.Kind;
import dev.vigil.alert.AlertListener;
import dev.vigil.alert.AlertState;
import dev.vigil.store.AlertMark;
import dev.vigil.store.AlertReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns commits into {@link AlertChange}s, whichever process made them. It polls the store's data version;
 * when it moved, it reads the marks (id, state, count, snooze) of the open alerts, compares them with what it
 * saw last, and loads in full only the alerts that changed. This is how a {@code vigil ack} typed in another
 * terminal stops the alarm of the running instance within a fraction of a second, with no socket to secure:
 * SQLite itself is the message bus.
 *
 * <p>Reading marks instead of whole alerts keeps a storm cheap: with 5,000 alerts open and repeats landing every
 * poll, each poll reads four small columns a row and loads only the few alerts that moved.
 */
final class ChangeWatcher {
  /** Beyond this many changed alerts in one poll (a storm's first moments), one full load is cheaper than lookups. */
  static final int LOOKUPS_LIMIT = 200;

  private final AlertReader store;
  private final AlertListener publish;
  private final Clock clock;
  private Map<Long, AlertMark> seen = new HashMap<>();
  private long version = Long.MIN_VALUE;
  /** How long after an alert resolved its ladder may still sound (it flaps): acknowledgements are looked for often. */
  static final java.time.Duration LADDER_AFTER_RESOLVE = java.time.Duration.ofMinutes(10);
  /** An open alert fires (not acknowledged, not snoozed), as of the last look. */
  private volatile boolean firing;
  private volatile Instant lastResolved = Instant.MIN;
  /** The latest acknowledgement of a resolved alert already published. */
  private Instant acknowledgedAfterResolve = Instant.MIN;

  ChangeWatcher(AlertReader store, AlertListener publish, Clock clock) {
    this.store = store;
    this.publish = publish;
    this.clock = clock;
  }

  /** Takes the alerts open at start-up as already known: a restart publishes nothing again. */
  synchronized void prime() {
    version = store.dataVersion();
    seen = index(store.openAlertMarks());
    firing = anyFiring(seen);
    acknowledgedAfterResolve = clock.instant();
  }

  /**
   * Whether an alarm may be ringing: an open alert fired at the last look, or one resolved in the last
   * {@link #LADDER_AFTER_RESOLVE}. Then another process's acknowledgement is looked for more often.
   */
  boolean firing() {
    return firing || clock.instant().isBefore(lastResolved.plus(LADDER_AFTER_RESOLVE));
  }

  private static boolean anyFiring(Map<Long, AlertMark> marks) {
    for (AlertMark m : marks.values()) {
      if (m.state() == AlertState.FIRING) return true;
    }
    return false;
  }

  synchronized void poll() {
    long now = store.dataVersion();
    if (now == version) return;
    version = now;
    Map<Long, AlertMark> open = index(store.openAlertMarks());
    List<AlertMark> moved = new ArrayList<>();
    for (AlertMark mark : open.values()) {
      if (kindOf(seen.get(mark.id()), mark) != null) moved.add(mark);
    }
    Instant at = clock.instant();
    Map<Long, Alert> loaded = load(moved);
    for (AlertMark mark : moved) {
      Alert a = loaded.get(mark.id());
      if (a == null || !a.isOpen()) {
        open.remove(mark.id()); // resolved since the marks were read: as if it had not been open at all
        continue;
      }
      Kind kind = kindOf(seen.get(a.id()), AlertMark.of(a));
      if (kind != null) publish.onChange(new AlertChange(kind, a, at));
      open.put(a.id(), AlertMark.of(a));
    }
    for (AlertMark gone : seen.values()) {
      if (!open.containsKey(gone.id())) {
        Optional<Alert> resolved = store.find(gone.id());
        if (resolved.isPresent() && resolved.get().state() == AlertState.RESOLVED) {
          publish.onChange(new AlertChange(Kind.RESOLVED, resolved.get(), at));
          lastResolved = at;
        }
      }
    }
    seen = open;
    firing = anyFiring(open);
    publishAcknowledgedAfterResolve(at);
  }

  /** An acknowledgement given just after the alert resolved: its wake ladder (still sounding if it flaps) stops. */
  private void publishAcknowledgedAfterResolve(Instant at) {
    Instant after = acknowledgedAfterResolve == Instant.MIN ? Instant.EPOCH : acknowledgedAfterResolve;
    for (Alert a : store.acknowledgedAfterResolve(after)) {
      publish.onChange(new AlertChange(Kind.ACKNOWLEDGED, a, at));
      if (a.acknowledgedAt().isAfter(acknowledgedAfterResolve)) acknowledgedAfterResolve = a.acknowledgedAt();
    }
  }

  private Map<Long, Alert> load(List<AlertMark> moved) {
    Map<Long, Alert> byId = new HashMap<>();
    if (moved.size() > LOOKUPS_LIMIT) {
      for (Alert a : store.openAlerts()) byId.put(a.id(), a);
    } else {
      for (AlertMark mark : moved) store.find(mark.id()).ifPresent(a -> byId.put(a.id(), a));
    }
    return byId;
  }

  static Kind kindOf(AlertMark before, AlertMark now) {
    if (before == null) return now.reopens() > 0 ? Kind.REOPENED : Kind.FIRED;
    if (now.reopens() > before.reopens()) return Kind.REOPENED; // resolved and reopened between two looks
    if (before.state() != now.state()) {
      if (now.state() == AlertState.ACKNOWLEDGED) return now.snoozedUntil() != null ? Kind.SNOOZED : Kind.ACKNOWLEDGED;
      if (now.state() == AlertState.FIRING) return Kind.SNOOZE_ENDED;
    }
    if (before.state() == AlertState.ACKNOWLEDGED && now.state() == AlertState.ACKNOWLEDGED
        && !java.util.Objects.equals(before.snoozedUntil(), now.snoozedUntil())) {
      return now.snoozedUntil() != null ? Kind.SNOOZED : Kind.ACKNOWLEDGED;
    }
    if (now.count() != before.count()) return Kind.REPEATED;
    return null;
  }

  private static Map<Long, AlertMark> index(List<AlertMark> marks) {
    Map<Long, AlertMark> byId = new HashMap<>();
    for (AlertMark m : marks) byId.put(m.id(), m);
    return byId;
  }
}
