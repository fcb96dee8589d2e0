package dev.vigil.source;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertListener;
import dev.vigil.alert.ExternalAlert;
import dev.vigil.alert.Intake;
import dev.vigil.store.AlertDesk;
import dev.vigil.store.HistoryQuery;
import dev.vigil.store.MinuteStat;
import dev.vigil.store.Page;
import dev.vigil.store.SqliteStore;
import dev.vigil.store.StateChange;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real SQLite store with a thin stand-in for the engine's intake: fires or recovers by fingerprint in one
 * transaction and publishes each committed change to its listeners, as the engine does.
 */
final class StoreVigil implements Intake, AlertDesk, AutoCloseable {
  private final SqliteStore store;
  private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();

  StoreVigil(Path dataDir) {
    store = SqliteStore.open(dataDir, Clock.systemUTC());
  }

  void listen(AlertListener listener) {
    listeners.add(listener);
  }

  private Optional<Alert> publish(AlertChange.Kind kind, Optional<Alert> alert, Instant at) {
    alert.ifPresent(a -> listeners.forEach(l -> l.onChange(new AlertChange(kind, a, at))));
    return alert;
  }

  @Override
  public boolean heartbeat(String id, Instant at) {
    return false;
  }

  @Override
  public Optional<Alert> receive(ExternalAlert in) {
    if (in.resolved()) {
      return publish(AlertChange.Kind.RESOLVED, store.transaction(w -> w.recover(in.fingerprint(), in.summary(), in.at())), in.at());
    }
    boolean wasOpen = store.findOpen(in.fingerprint()).isPresent();
    Alert a = store.transaction(w -> w.fire(in.fingerprint(), in.monitor(), in.severity(), in.summary(), in.labels(), in.at()));
    return publish(wasOpen ? AlertChange.Kind.REPEATED : AlertChange.Kind.FIRED, Optional.of(a), in.at());
  }

  @Override
  public Optional<Alert> acknowledge(long id, String note, String actor, Instant at) {
    return publish(AlertChange.Kind.ACKNOWLEDGED, store.acknowledge(id, note, actor, at), at);
  }

  @Override
  public Optional<Alert> snooze(long id, Instant until, String actor, Instant at) {
    return publish(AlertChange.Kind.SNOOZED, store.snooze(id, until, actor, at), at);
  }

  @Override
  public Optional<Alert> resolve(long id, String note, String actor, Instant at) {
    return publish(AlertChange.Kind.RESOLVED, store.resolve(id, note, actor, at), at);
  }

  @Override
  public List<Alert> openAlerts() {
    return store.openAlerts();
  }

  @Override
  public Optional<Alert> find(long id) {
    return store.find(id);
  }

  @Override
  public Optional<Alert> findOpen(String fingerprint) {
    return store.findOpen(fingerprint);
  }

  @Override
  public Page<Alert> history(HistoryQuery query) {
    return store.history(query);
  }

  @Override
  public List<AlertEvent> timeline(long alertId) {
    return store.timeline(alertId);
  }

  @Override
  public void addEvent(AlertEvent event) {
    store.addEvent(event);
  }

  @Override
  public List<MinuteStat> checkStats(String monitor, Instant from, Instant to) {
    return store.checkStats(monitor, from, to);
  }

  @Override
  public List<StateChange> stateChanges(String monitor, Instant from, Instant to) {
    return store.stateChanges(monitor, from, to);
  }

  @Override
  public long dataVersion() {
    return store.dataVersion();
  }

  @Override
  public void close() {
    store.close();
  }
}
