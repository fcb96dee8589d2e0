package dev.vigil.api;

import dev.vigil.config.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alert.ExternalAlert;
import dev.vigil.alert.Severity;
import dev.vigil.source.AlertmanagerAlerts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns the bodies of {@code POST /api/alerts} and {@code POST /api/alertmanager} into external alerts. */
final class IntakeRequests {
  static final String API_SOURCE = "api";
  static final String WEBHOOK_SOURCE = "alertmanager-webhook";

  private IntakeRequests() {}

  /** A request Vigil refuses with 400 and this message. */
  static final class BadRequest extends Exception {
    BadRequest(String message) {
      super(message);
    }
  }

  /**
   * Vigil alert JSON, one object or an array of them: {@code monitor} (required), {@code severity} (default
   * warning), {@code summary}, {@code labels}, {@code fingerprint} (default: a hash of monitor and labels),
   * {@code state} firing (default) or resolved.
   */
  static List<ExternalAlert> vigilAlerts(byte[] body, Instant at) throws BadRequest {
    JsonNode root = parse(body);
    List<ExternalAlert> out = new ArrayList<>();
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) out.add(vigilAlert(root.get(i), "[" + i + "].", at));
    } else {
      out.add(vigilAlert(root, "", at));
    }
    return out;
  }

  private static ExternalAlert vigilAlert(JsonNode node, String where, Instant at) throws BadRequest {
    if (!node.isObject()) throw new BadRequest(where + "alert must be a JSON object");
    String monitor = text(node, "monitor", where);
    if (monitor == null || monitor.isBlank()) throw new BadRequest("\"" + where + "monitor\" is required");
    String severityText = text(node, "severity", where);
    Severity severity = Severity.WARNING;
    if (severityText != null) {
      severity = Severity.parse(severityText)
          .orElseThrow(() -> new BadRequest("\"" + where + "severity\" must be critical, warning or info, not \"" + severityText + "\""));
    }
    String state = text(node, "state", where);
    boolean resolved;
    if (state == null || state.equals("firing")) resolved = false;
    else if (state.equals("resolved")) resolved = true;
    else throw new BadRequest("\"" + where + "state\" must be firing or resolved, not \"" + state + "\"");
    Map<String, String> labels = stringMap(node.get("labels"), where + "labels");
    String summary = text(node, "summary", where);
    String fingerprint = text(node, "fingerprint", where);
    if (fingerprint == null || fingerprint.isBlank()) fingerprint = fingerprint(monitor, labels);
    return new ExternalAlert("api:" + fingerprint, monitor, severity, summary == null ? "" : summary, labels, resolved, at, API_SOURCE);
  }

  /**
   * An Alertmanager {@code webhook_config} payload (version 4), or Grafana's: {@code alerts[]} each with
   * {@code status} firing or resolved, {@code labels}, {@code annotations}, {@code fingerprint}.
   */
  static List<ExternalAlert> webhookAlerts(byte[] body, Instant at) throws BadRequest {
    JsonNode root = parse(body);
    if (!root.isObject() || !root.path("alerts").isArray()) throw new BadRequest("\"alerts\" must be an array (an Alertmanager webhook payload)");
    List<ExternalAlert> out = new ArrayList<>();
    JsonNode alerts = root.get("alerts");
    for (int i = 0; i < alerts.size(); i++) {
      String where = "alerts[" + i + "].";
      JsonNode alert = alerts.get(i);
      if (!alert.isObject()) throw new BadRequest(where.substring(0, where.length() - 1) + " must be a JSON object");
      Map<String, String> labels = stringMap(alert.get("labels"), where + "labels");
      Map<String, String> annotations = stringMap(alert.get("annotations"), where + "annotations");
      String status = text(alert, "status", where);
      if (status == null) status = root.path("status").asText("firing");
      if (!status.equals("firing") && !status.equals("resolved")) {
        throw new BadRequest("\"" + where + "status\" must be firing or resolved, not \"" + status + "\"");
      }
      String fingerprint = text(alert, "fingerprint", where);
      if (fingerprint == null || fingerprint.isBlank()) fingerprint = fingerprint("", labels);
      out.add(AlertmanagerAlerts.toExternal("am:webhook:" + fingerprint, labels, annotations, status.equals("resolved"), at, WEBHOOK_SOURCE, Map.of()));
    }
    return out;
  }

  /** Who acknowledges, snoozes or resolves, their note, and for a snooze until when (else null). */
  record Action(String note, String actor, Instant until) {}

  /**
   * The optional body of an acknowledge, snooze or resolve: {@code {"note": "...", "actor": "cli", "until":
   * "2026-11-25T08:00:00Z"}}; actor defaults to api; {@code until} (an ISO-8601 instant or offset date-time) is
   * read only for a snooze.
   */
  static Action action(byte[] body) throws BadRequest {
    if (body.length == 0) return new Action(null, API_SOURCE, null);
    JsonNode root = parse(body);
    if (!root.isObject()) throw new BadRequest("the body must be a JSON object");
    String actor = text(root, "actor", "");
    String until = text(root, "until", "");
    return new Action(text(root, "note", ""), actor == null || actor.isBlank() ? API_SOURCE : actor, until == null ? null : instant(until));
  }

  private static Instant instant(String text) throws BadRequest {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequest("\"until\" must be a date and time with its offset, e.g. 2026-11-25T08:00:00Z, not \"" + text + "\"");
    }
  }

  /** A stable hash of the monitor and the labels sorted by name: the same alert always gets the same one. */
  static String fingerprint(String monitor, Map<String, String> labels) {
    StringBuilder text = new StringBuilder(monitor);
    new TreeMap<>(labels).forEach((k, v) -> text.append('\n').append(k).append('=').append(v));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(byte[] body) throws BadRequest {
    if (body.length == 0) throw new BadRequest("the body is empty; send JSON");
    try {
      return Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadRequest("the body is not JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new BadRequest("cannot read the body: " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field, String where) throws BadRequest {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) return null;
    if (!value.isValueNode()) throw new BadRequest("\"" + where + field + "\" must be a string");
    return value.asText();
  }

  private static Map<String, String> stringMap(JsonNode node, String where) throws BadRequest {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) return out;
    if (!node.isObject()) throw new BadRequest("\"" + where + "\" must be an object of strings");
    var fields = node.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (!field.getValue().isValueNode()) throw new BadRequest("\"" + where + "." + field.getKey() + "\" must be a string");
      out.put(field.getKey(), field.getValue().asText());
    }
    return out;
  }
}
