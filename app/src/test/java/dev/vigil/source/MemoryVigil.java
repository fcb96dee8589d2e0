package dev.vigil.source;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertListener;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.ExternalAlert;
import dev.vigil.alert.Intake;
import dev.vigil.store.AlertDesk;
import dev.vigil.store.HistoryQuery;
import dev.vigil.store.MinuteStat;
import dev.vigil.store.Page;
import dev.vigil.store.StateChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the engine and its store in intake tests: idempotent by fingerprint like the real intake, and
 * publishes each change to its listeners after "committing" it, as the engine does.
 */
public final class MemoryVigil implements Intake, AlertDesk {
  private final Map<Long, Alert> alerts = new LinkedHashMap<>();
  private final List<AlertEvent> events = new ArrayList<>();
  private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
  private final Set<String> heartbeats;
  public final List<String> pings = new CopyOnWriteArrayList<>();
  public final List<ExternalAlert> received = new CopyOnWriteArrayList<>();
  private long nextId = 1;

  public MemoryVigil(String... heartbeats) {
    this.heartbeats = new HashSet<>(List.of(heartbeats));
  }

  public void listen(AlertListener listener) {
    listeners.add(listener);
  }

  @Override
  public boolean heartbeat(String id, Instant at) {
    if (!heartbeats.contains(id)) return false;
    pings.add(id + "@" + at);
    return true;
  }

  @Override
  public Optional<Alert> receive(ExternalAlert in) {
    AlertChange change;
    synchronized (this) {
      received.add(in);
      Optional<Alert> open = findOpen(in.fingerprint());
      if (in.resolved()) {
        if (open.isEmpty()) return Optional.empty();
        Alert a = with(open.get(), AlertState.RESOLVED, in.at(), in.at(), open.get().count());
        alerts.put(a.id(), a);
        events.add(new AlertEvent(a.id(), in.at(), "resolved", in.summary(), "engine"));
        change = new AlertChange(AlertChange.Kind.RESOLVED, a, in.at());
      } else if (open.isPresent()) {
        Alert o = open.get();
        Alert a = new Alert(o.id(), o.fingerprint(), o.monitor(), in.severity(), o.state(), o.firstSeen(), in.at(), null,
            o.count() + 1, in.summary(), in.labels(), o.snoozedUntil());
        alerts.put(a.id(), a);
        change = new AlertChange(AlertChange.Kind.REPEATED, a, in.at());
      } else {
        Alert a = new Alert(nextId++, in.fingerprint(), in.monitor(), in.severity(), AlertState.FIRING, in.at(), in.at(), null,
            1, in.summary(), in.labels(), null);
        alerts.put(a.id(), a);
        events.add(new AlertEvent(a.id(), in.at(), "fired", in.summary(), "engine"));
        change = new AlertChange(AlertChange.Kind.FIRED, a, in.at());
      }
    }
    publish(change);
    return Optional.of(change.alert());
  }

  private static Alert with(Alert o, AlertState state, Instant lastSeen, Instant resolvedAt, long count) {
    return new Alert(o.id(), o.fingerprint(), o.monitor(), o.severity(), state, o.firstSeen(), lastSeen, resolvedAt, count,
        o.summary(), o.labels(), o.snoozedUntil());
  }

  private void publish(AlertChange change) {
    for (AlertListener l : listeners) l.onChange(change);
  }

  @Override
  public synchronized List<Alert> openAlerts() {
    List<Alert> out = new ArrayList<>();
    for (Alert a : alerts.values()) if (a.isOpen()) out.add(a);
    out.sort(Comparator.comparing(Alert::firstSeen).reversed());
    return out;
  }

  public synchronized List<Alert> all() {
    return new ArrayList<>(alerts.values());
  }

  @Override
  public synchronized Optional<Alert> find(long id) {
    return Optional.ofNullable(alerts.get(id));
  }

  @Override
  public synchronized Optional<Alert> findOpen(String fingerprint) {
    return alerts.values().stream().filter(a -> a.isOpen() && a.fingerprint().equals(fingerprint)).findFirst();
  }

  @Override
  public Optional<Alert> acknowledge(long id, String note, String actor, Instant at) {
    Alert a;
    synchronized (this) {
      Alert o = alerts.get(id);
      if (o == null || !o.isOpen()) return Optional.empty();
      a = with(o, AlertState.ACKNOWLEDGED, o.lastSeen(), null, o.count());
      alerts.put(id, a);
      events.add(new AlertEvent(id, at, "acknowledged", note, actor));
    }
    publish(new AlertChange(AlertChange.Kind.ACKNOWLEDGED, a, at));
    return Optional.of(a);
  }

  @Override
  public Optional<Alert> resolve(long id, String note, String actor, Instant at) {
    Alert a;
    synchronized (this) {
      Alert o = alerts.get(id);
      if (o == null || !o.isOpen()) return Optional.empty();
      a = with(o, AlertState.RESOLVED, o.lastSeen(), at, o.count());
      alerts.put(id, a);
      events.add(new AlertEvent(id, at, "resolved", note, actor));
    }
    publish(new AlertChange(AlertChange.Kind.RESOLVED, a, at));
    return Optional.of(a);
  }

  @Override
  public synchronized List<AlertEvent> timeline(long alertId) {
    return events.stream().filter(e -> e.alertId() == alertId).toList();
  }

  @Override
  public synchronized void addEvent(AlertEvent event) {
    events.add(event);
  }

  @Override
  public Optional<Alert> snooze(long id, Instant until, String actor, Instant at) {
    Alert a;
    synchronized (this) {
      Alert o = alerts.get(id);
      if (o == null || !o.isOpen()) return Optional.empty();
      a = new Alert(o.id(), o.fingerprint(), o.monitor(), o.severity(), o.state(), o.firstSeen(), o.lastSeen(),
          o.resolvedAt(), o.count(), o.summary(), o.labels(), until);
      alerts.put(id, a);
      events.add(new AlertEvent(id, at, "snoozed", "until " + until, actor));
    }
    publish(new AlertChange(AlertChange.Kind.SNOOZED, a, at));
    return Optional.of(a);
  }

  @Override
  public Page<Alert> history(HistoryQuery query) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<MinuteStat> checkStats(String monitor, Instant from, Instant to) {
    return List.of();
  }

  @Override
  public List<StateChange> stateChanges(String monitor, Instant from, Instant to) {
    return List.of();
  }

  @Override
  public long dataVersion() {
    return 0;
  }

}
