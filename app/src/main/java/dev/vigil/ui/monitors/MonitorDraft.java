package dev.vigil.ui.monitors;

import dev.vigil.rules.MonitorFileEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the add form says, as text: its missing or unreadable fields, and the monitor's YAML lines for
 * {@link MonitorFileEdit} (the options {@code vigil monitor add} takes, each written only when given; a kind's own
 * fields only for that kind). Everything else about a value is the rules reader's to judge.
 */
record MonitorDraft(String id, String kind, String target, String record, String server, String send, boolean verify,
    String interval, String timeout, String severity, String confirm, String recover, String runbook, String expect,
    String labels, String file) {

  /** Why the monitor cannot be written yet, by field, in the form's order; empty when it can. */
  Map<String, String> missing() {
    Map<String, String> why = new LinkedHashMap<>();
    if (id.isBlank()) why.put("id", "give the monitor an id");
    if (target.isBlank()) why.put("target", "say what to check (" + example(kind) + ")");
    String bad = badLabel();
    if (bad != null) why.put("labels", "\"" + bad + "\" is not key=value (e.g. team=payments, tier=1)");
    String name = file.strip();
    if (name.isEmpty() || name.contains("/") || name.contains("\\")) why.put("file", "a file name in the rules folder, e.g. monitors.yaml");
    return why;
  }

  /** The monitor's lines, unindented, from "- id: ...". */
  List<String> block() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(kind, target.strip());
    switch (kind) {
      case "dns" -> {
        put(fields, "record", record);
        put(fields, "server", server);
      }
      case "tcp" -> {
        if (!send.isBlank()) fields.put("send", send);
      }
      case "tls" -> {
        if (!verify) fields.put("verify", "false");
      }
      default -> { }
    }
    put(fields, "interval", interval);
    put(fields, "timeout", timeout);
    put(fields, "severity", severity);
    put(fields, "confirm", confirm);
    put(fields, "recover", recover);
    put(fields, "runbook", runbook);
    List<String> conditions = new ArrayList<>();
    for (String c : expect.split("\r?\n")) if (!c.isBlank()) conditions.add(c.strip());
    return MonitorFileEdit.block(id.strip(), fields, conditions, labelMap());
  }

  /** The labels as written, once none is {@link #badLabel bad}. */
  private Map<String, String> labelMap() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : labels.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return out;
  }

  /** The first of the labels that is not key=value, or null. */
  private String badLabel() {
    for (String pair : labels.split(",")) {
      int eq = pair.indexOf('=');
      if (!pair.isBlank() && (eq <= 0 || pair.substring(0, eq).isBlank())) return pair.strip();
    }
    return null;
  }

  private static void put(Map<String, String> fields, String key, String value) {
    if (value != null && !value.isBlank()) fields.put(key, value.strip());
  }

  /** What a target of this kind looks like. */
  static String example(String kind) {
    return switch (kind) {
      case "tcp" -> "db.example:5432";
      case "tls" -> "mail.example:443";
      case "dns" -> "example.com";
      case "ping" -> "gateway.local";
      default -> "https://pay.example/health";
    };
  }

  /** Conditions a monitor of this kind can have, for the hint of the conditions field. */
  static List<String> expectExamples(String kind) {
    return switch (kind) {
      case "tcp" -> List.of("banner contains \"ESMTP\"", "latency < 100ms");
      case "tls" -> List.of("cert expires > 14d", "cert subject contains \"mail.example\"");
      case "dns" -> List.of("answer contains \"10.0.0.5\"", "rcode == NOERROR");
      case "ping" -> List.of("latency < 100ms");
      default -> List.of("status == 200", "latency < 800ms");
    };
  }
}
