package dev.vigil.notify;

import dev.vigil.alert.Alert;
import java.util.Objects;

/**
 * What a channel delivers.
 *
 * @param alertId the alert it is about, or null (digest, storm summary, drill); with an id the desktop
 *     notification offers "Acknowledge"
 * @param urgent true for the loud path: D-Bus urgency critical, ntfy Priority 5, Pushover emergency priority
 * @param ackToken the page's own acknowledgement token, or null: with it an ntfy page carries an Acknowledge button
 * @param runbook the alert's runbook URL, or null: with it an ntfy page carries an "Open runbook" button
 */
public record Message(Long alertId, String title, String body, boolean urgent, String ackToken, String runbook) {
  public Message {
    Objects.requireNonNull(title, "title");
    body = body == null ? "" : body;
  }

  public Message(Long alertId, String title, String body, boolean urgent) {
    this(alertId, title, body, urgent, null, null);
  }

  Message withAckToken(String token) {
    return new Message(alertId, title, body, urgent, token, runbook);
  }

  /** A message about {@code a}: its title, this body, and its runbook (the desktop and the phone offer to open it). */
  static Message about(Alert a, String body, boolean urgent) {
    return new Message(a.id(), titleOf(a), body, urgent, null, runbookOf(a));
  }

  /** The runbook URL a monitor's {@code runbook:} puts on its alerts (the label {@code runbook}), or null. */
  static String runbookOf(Alert a) {
    return a.labels().get("runbook");
  }

  /** The title of a message about an alert: its severity and monitor, {@code CRITICAL api}. */
  static String titleOf(Alert a) {
    return a.severity().label().toUpperCase() + " " + a.monitor();
  }
}
