package dev.vigil.store;

import dev.vigil.alert.Alert;
import dev.vigil.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The engine's writes inside one open transaction. */
final class EngineTransaction implements EngineWrites {
  private final Alerts alerts;
  private final CheckHistory checks;
  private final Gaps gaps;
  private final Duration reopenWithin;
  private boolean touchedAlerts;

  EngineTransaction(Database db, Duration reopenWithin, Map<String, Long> monitorIds) {
    this.reopenWithin = reopenWithin;
    this.alerts = new Alerts(db, true);
    this.checks = new CheckHistory(db, monitorIds);
    this.gaps = new Gaps(db);
  }

  @Override
  public void recordGap(Instant started, Instant ended, String reason) {
    gaps.record(started, ended, reason);
  }

  /** Writes what waited for the end of the transaction (the timeline events, in bulk). */
  void flush() {
    alerts.flushEvents();
  }

  /** Monitor ids this transaction looked up or added: to remember once it has committed. */
  Map<String, Long> newMonitorIds() {
    return checks.newIds();
  }

  /** Whether this transaction opened, folded into, resolved or added to the timeline of an alert. */
  boolean touchedAlerts() {
    return touchedAlerts;
  }

  private <T> Optional<T> touched(Optional<T> result) {
    touchedAlerts |= result.isPresent();
    return result;
  }

  @Override
  public Alert fire(String fingerprint, String monitor, Severity severity, String summary, Map<String, String> labels, Instant at) {
    return fire(fingerprint, monitor, severity, summary, labels, at, null);
  }

  @Override
  public Alert fire(String fingerprint, String monitor, Severity severity, String summary, Map<String, String> labels,
      Instant at, String heldBy) {
    touchedAlerts = true;
    return alerts.fire(fingerprint, monitor, severity, summary, labels, at, reopenWithin.isZero() ? null : at.minus(reopenWithin), heldBy);
  }

  @Override
  public Optional<Alert> repeat(String fingerprint, String summary, Instant at) {
    return touched(alerts.repeat(fingerprint, summary, at));
  }

  @Override
  public boolean fold(String fingerprint, String summary, Instant at) {
    return alerts.fold(fingerprint, summary, at);
  }

  @Override
  public Optional<Alert> recover(String fingerprint, String note, Instant at) {
    return touched(alerts.recover(fingerprint, note, at));
  }

  @Override
  public void recordCheck(String monitor, Instant at, boolean passed, Duration latency) {
    checks.recordCheck(monitor, at, passed, latency);
  }

  @Override
  public void recordStateChange(String monitor, Instant at, boolean up, String summary) {
    checks.recordStateChange(monitor, at, up, summary);
  }

  @Override
  public void addEvent(long alertId, Instant at, String kind, String note, String actor) {
    touchedAlerts = true;
    alerts.addEvent(alertId, at, kind, note, actor);
  }
}
