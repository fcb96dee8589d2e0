package dev.vigil.ui.inbox;

import dev.vigil.alert.Alert;
import dev.vigil.ui.Noise;
import dev.vigil.ui.NoiseRules;
import dev.vigil.ui.Times;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * One inbox line, already in words.
 *
 * <p>Equality is identity on purpose: the table's selection and focus models look rows up with
 * {@code List.indexOf}, and a live update must not make that compare every field of ten thousand rows.
 * {@link #sameAs} compares what the line shows, for {@link RowDiff}.
 */
public final class AlertRow {
  private final Alert alert;
  private final String severity;
  private final String monitor;
  private final String since;
  private final String count;
  private final String lastFailure;
  private final String noise;
  private final String searchText;

  public AlertRow(Alert alert, String severity, String monitor, String since, String count, String lastFailure, String noise) {
    this.alert = alert;
    this.severity = severity;
    this.monitor = monitor;
    this.since = since;
    this.count = count;
    this.lastFailure = lastFailure;
    this.noise = noise;
    this.searchText = (monitor + " " + lastFailure + " " + severity).toLowerCase(Locale.ROOT);
  }

  static AlertRow of(Alert a, NoiseRules noise, Instant now, ZoneId zone, java.util.Set<String> openMonitors) {
    return new AlertRow(a, a.severity().label(), a.monitor(), Times.since(a.firstSeen(), now, zone),
        a.count() == 1 ? "1 time" : a.count() + " times", a.summary(), Noise.reason(a, noise, now, zone, openMonitors));
  }

  public Alert alert() {
    return alert;
  }

  public String severity() {
    return severity;
  }

  public String monitor() {
    return monitor;
  }

  public String since() {
    return since;
  }

  public String count() {
    return count;
  }

  public String lastFailure() {
    return lastFailure;
  }

  public String noise() {
    return noise;
  }

  public long id() {
    return alert.id();
  }

  /** The endpoint to open, from the alert's {@code url} label, or null. */
  public String url() {
    return alert.labels().get("url");
  }

  /** The monitor's runbook, from the alert's {@code runbook} label, or null. */
  public String runbook() {
    return alert.labels().get("runbook");
  }

  /** Monitor, last failure and severity in lower case, for the filter (worded once, off the FX thread). */
  String searchText() {
    return searchText;
  }

  /** True when both rows are the same alert in the same state, shown in the same words. */
  boolean sameAs(AlertRow other) {
    return alert.equals(other.alert) && severity.equals(other.severity) && monitor.equals(other.monitor)
        && since.equals(other.since) && count.equals(other.count) && Objects.equals(lastFailure, other.lastFailure)
        && noise.equals(other.noise);
  }

  @Override
  public String toString() {
    return "AlertRow[" + alert.id() + " " + monitor + ", " + severity + ", " + since + ", " + count + ", " + noise + "]";
  }
}
