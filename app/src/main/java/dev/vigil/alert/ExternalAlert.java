package dev.vigil.alert;

import java.time.Instant;
import java.util.Map;

/**
 * An alert that arrived from outside the checks: the local API ({@code POST /api/alerts}, Alertmanager or
 * Grafana webhooks) or a polled source. Intake is idempotent by fingerprint.
 *
 * @param source where it came from, e.g. "api", "alertmanager:team-alertmanager"
 * @param resolved true when the sender says the problem is over
 */
public record ExternalAlert(
    String fingerprint,
    String monitor,
    Severity severity,
    String summary,
    Map<String, String> labels,
    boolean resolved,
    Instant at,
    String source) {
  public ExternalAlert {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
