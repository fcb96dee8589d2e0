package dev.vigil.ui;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertState;
import dev.vigil.store.AlertDesk;
import dev.vigil.store.HistoryQuery;
import dev.vigil.store.MinuteStat;
import dev.vigil.store.Page;
import dev.vigil.store.StateChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** An in-memory store of what the desktop reads and does, for UI tests; keeps the contract's ordering and paging. */
public final class FakeStore implements AlertDesk {
  final Map<Long, Alert> alerts = new ConcurrentHashMap<>();
  final List<AlertEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
  final List<MinuteStat> stats = java.util.Collections.synchronizedList(new ArrayList<>());
  public final AtomicLong version = new AtomicLong();
  public final AtomicLong historyCalls = new AtomicLong();
  public final AtomicLong openAlertsCalls = new AtomicLong();
  public final AtomicLong timelineCalls = new AtomicLong();
  public final AtomicLong firstAcknowledgedCalls = new AtomicLong();

  public FakeStore add(Alert a) {
    alerts.put(a.id(), a);
    events.add(new AlertEvent(a.id(), a.firstSeen(), "fired", a.summary(), "engine"));
    version.incrementAndGet();
    return this;
  }

  public void addStat(MinuteStat s) {
    stats.add(s);
  }

  @Override public List<Alert> openAlerts() {
    openAlertsCalls.incrementAndGet();
    return alerts.values().stream().filter(Alert::isOpen).sorted(newestFirst()).toList();
  }

  @Override public Optional<Alert> find(long id) { return Optional.ofNullable(alerts.get(id)); }

  @Override public Optional<Alert> findOpen(String fingerprint) {
    return alerts.values().stream().filter(a -> a.isOpen() && a.fingerprint().equals(fingerprint)).findFirst();
  }

  @Override public Optional<Alert> acknowledge(long id, String note, String actor, Instant at) {
    return change(id, AlertState.ACKNOWLEDGED, null, null, "acknowledged", note, actor, at);
  }

  @Override public Optional<Alert> snooze(long id, Instant until, String actor, Instant at) {
    return change(id, AlertState.ACKNOWLEDGED, until, null, "snoozed", "until " + until, actor, at);
  }

  @Override public Optional<Alert> resolve(long id, String note, String actor, Instant at) {
    return change(id, AlertState.RESOLVED, null, at, "resolved", note, actor, at);
  }

  private Optional<Alert> change(long id, AlertState state, Instant snoozedUntil, Instant resolvedAt, String kind, String note, String actor, Instant at) {
    Alert a = alerts.get(id);
    if (a == null || !a.isOpen()) return Optional.empty();
    Alert b = new Alert(a.id(), a.fingerprint(), a.monitor(), a.severity(), state, a.firstSeen(), a.lastSeen(), resolvedAt, a.count(),
        a.summary(), a.labels(), snoozedUntil);
    alerts.put(id, b);
    events.add(new AlertEvent(id, at, kind, note, actor));
    version.incrementAndGet();
    return Optional.of(b);
  }

  @Override public Page<Alert> history(HistoryQuery q) {
    historyCalls.incrementAndGet();
    List<Alert> matching = alerts.values().stream()
        .filter(a -> q.since() == null || !a.firstSeen().isBefore(q.since()))
        .filter(a -> q.until() == null || a.firstSeen().isBefore(q.until()))
        .filter(a -> q.monitor() == null || a.monitor().equals(q.monitor()))
        .filter(a -> q.severity() == null || a.severity() == q.severity())
        .filter(a -> q.state() == null || a.state() == q.state())
        .filter(a -> q.text() == null || (a.monitor() + " " + a.summary()).toLowerCase(Locale.ROOT).contains(q.text().toLowerCase(Locale.ROOT)))
        .filter(a -> q.after() == null || newestFirst().compare(a, cursorRow(q.after())) > 0)
        .filter(a -> q.before() == null || newestFirst().compare(a, cursorRow(q.before())) < 0)
        .sorted(q.before() == null ? newestFirst() : newestFirst().reversed()).limit(q.limit() + 1L).toList();
    boolean more = matching.size() > q.limit();
    List<Alert> items = new java.util.ArrayList<>(more ? matching.subList(0, q.limit()) : matching);
    Alert last = items.isEmpty() ? null : items.get(items.size() - 1);
    if (q.before() != null) java.util.Collections.reverse(items);
    return new Page<>(items, more ? new HistoryQuery.Cursor(last.firstSeen(), last.id()) : null);
  }

  private static Alert cursorRow(HistoryQuery.Cursor c) {
    return new Alert(c.id(), "x", "x", dev.vigil.alert.Severity.INFO, AlertState.RESOLVED, c.firstSeen(), c.firstSeen(), null, 0, "", null, null);
  }

  private static Comparator<Alert> newestFirst() {
    return Comparator.comparing(Alert::firstSeen).thenComparingLong(Alert::id).reversed();
  }

  @Override public List<AlertEvent> timeline(long alertId) {
    timelineCalls.incrementAndGet();
    synchronized (events) {
      return events.stream().filter(e -> e.alertId() == alertId).sorted(Comparator.comparing(AlertEvent::time)).toList();
    }
  }

  /** The interface's default (one timeline per id), counted as one call and not as timelines. */
  @Override public Map<Long, Instant> firstAcknowledged(java.util.Collection<Long> alertIds) {
    firstAcknowledgedCalls.incrementAndGet();
    long timelines = timelineCalls.get();
    Map<Long, Instant> first = AlertDesk.super.firstAcknowledged(alertIds);
    timelineCalls.set(timelines);
    return first;
  }

  @Override public void addEvent(AlertEvent event) { events.add(event); version.incrementAndGet(); }

  @Override public List<MinuteStat> checkStats(String monitor, Instant from, Instant to) {
    synchronized (stats) {
      return stats.stream().filter(s -> s.monitor().equals(monitor) && !s.minute().isBefore(from) && s.minute().isBefore(to)).toList();
    }
  }

  @Override public List<StateChange> stateChanges(String monitor, Instant from, Instant to) { return List.of(); }

  /** What {@link #noiseFacts} answers, whatever the window. */
  public dev.vigil.store.NoiseFacts noise = new dev.vigil.store.NoiseFacts(List.of(), List.of());

  @Override public dev.vigil.store.NoiseFacts noiseFacts(Instant since, Instant until) { return noise; }

  @Override public long dataVersion() { return version.get(); }

}
