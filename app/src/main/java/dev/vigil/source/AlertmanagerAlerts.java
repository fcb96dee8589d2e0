package dev.vigil.source;

import dev.vigil.alert.ExternalAlert;
import dev.vigil.alert.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an Alertmanager alert (polled from {@code /api/v2/alerts} or pushed by a {@code webhook_config}, Grafana's
 * webhook included) becomes a Vigil alert: the monitor is the {@code alertname} label, the severity the
 * {@code severity} label (critical, warning or info; warning otherwise), the summary the {@code summary}
 * annotation, else {@code description}, else the alert name.
 */
public final class AlertmanagerAlerts {
  private AlertmanagerAlerts() {}

  /**
   * @param fingerprint Vigil's fingerprint, already prefixed with where it came from
   * @param extraLabels labels a source rule adds; the alert's own labels win
   */
  public static ExternalAlert toExternal(
      String fingerprint,
      Map<String, String> labels,
      Map<String, String> annotations,
      boolean resolved,
      Instant at,
      String source,
      Map<String, String> extraLabels) {
    String name = labels.getOrDefault("alertname", "alertmanager");
    Map<String, String> all = new LinkedHashMap<>(labels);
    extraLabels.forEach(all::putIfAbsent);
    return new ExternalAlert(fingerprint, name, severity(labels.get("severity")), summary(name, annotations), all, resolved, at, source);
  }

  /** critical, warning or info by the label's value (case-insensitive); warning when absent or anything else. */
  public static Severity severity(String label) {
    return Severity.parse(label).orElse(Severity.WARNING);
  }

  static String summary(String name, Map<String, String> annotations) {
    String summary = annotations.get("summary");
    if (summary == null || summary.isBlank()) summary = annotations.get("description");
    if (summary == null || summary.isBlank()) summary = annotations.get("message");
    return summary == null || summary.isBlank() ? name : summary.strip();
  }
}
