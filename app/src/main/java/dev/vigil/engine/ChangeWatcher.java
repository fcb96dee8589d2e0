package dev.vigil.engine;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertChange.Kind;
import dev.vigil.alert.AlertListener;
import dev.vigil.alert.AlertState;
import dev.vigil.store.AlertStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns commits into {@link AlertChange}s, whichever process made them. It polls the store's data version;
 * when it moved, it reloads the open alerts and compares them with what it saw last. This is how a
 * {@code vigil ack} typed in another terminal stops the alarm of the running instance within a fraction of a
 * second, with no socket to secure: SQLite itself is the message bus.
 */
final class ChangeWatcher {
  private final AlertStore store;
  private final AlertListener publish;
  private final Clock clock;
  private Map<Long, Alert> seen = new HashMap<>();
  private long version = Long.MIN_VALUE;

  ChangeWatcher(AlertStore store, AlertListener publish, Clock clock) {
    this.store = store;
    this.publish = publish;
    this.clock = clock;
  }

  /** Takes the alerts open at start-up as already known: a restart publishes nothing again. */
  synchronized void prime() {
    version = store.dataVersion();
    seen = index(store);
  }

  synchronized void poll() {
    long now = store.dataVersion();
    if (now == version) return;
    version = now;
    Map<Long, Alert> open = index(store);
    Instant at = clock.instant();
    for (Alert a : open.values()) {
      Alert before = seen.get(a.id());
      Kind kind = kindOf(before, a);
      if (kind != null) publish.onChange(new AlertChange(kind, a, at));
    }
    for (Alert gone : seen.values()) {
      if (!open.containsKey(gone.id())) {
        Alert resolved = store.find(gone.id()).orElse(gone);
        if (resolved.state() == AlertState.RESOLVED) publish.onChange(new AlertChange(Kind.RESOLVED, resolved, at));
      }
    }
    seen = open;
  }

  static Kind kindOf(Alert before, Alert now) {
    if (before == null) return Kind.FIRED;
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

  private static Map<Long, Alert> index(AlertStore store) {
    Map<Long, Alert> byId = new HashMap<>();
    for (Alert a : store.openAlerts()) byId.put(a.id(), a);
    return byId;
  }
}
