package dev.vigil.cli;

import dev.vigil.config.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertJson;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** How commands print: aligned tables for people, JSON for scripts, times in the user's zone. */
final class Terminal {
  static final ObjectMapper JSON = Json.MAPPER;
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Terminal() {}

  static ZoneId zone() {
    return ZoneId.systemDefault();
  }

  static String time(Instant instant) {
    return instant == null ? "-" : SHORT.format(instant.atZone(zone()));
  }

  /** {@code 812 B}, {@code 40.0 KiB}, {@code 1.2 MiB}. */
  static String bytes(long n) {
    if (n < 1024) return n + " B";
    if (n < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KiB", n / 1024.0);
    return String.format(java.util.Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
  }

  /** {@code 21:24} today, else with its date: {@code 2026-12-08 21:24}. */
  static String clock(Instant instant, Instant now) {
    String full = time(instant);
    return full.substring(0, 10).equals(time(now).substring(0, 10)) ? full.substring(11) : full;
  }

  static void printJson(PrintWriter out, List<Alert> alerts) throws Exception {
    var array = JSON.createArrayNode();
    AlertJson writer = new AlertJson(zone());
    for (Alert a : alerts) array.add(writer.write(a));
    out.println(Json.PRETTY.writeValueAsString(array));
    out.flush();
  }

  static void printAlerts(PrintWriter out, List<Alert> alerts) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "SEVERITY", "STATE", "MONITOR", "SINCE", "COUNT", "SUMMARY"});
    for (Alert a : alerts) {
      String state = a.state().label();
      if (a.snoozedUntil() != null) state = "snoozed until " + clock(a.snoozedUntil(), Instant.now());
      if (a.resolvedAt() != null) state = "resolved " + time(a.resolvedAt());
      rows.add(new String[] {
        String.valueOf(a.id()), a.severity().label(), state, a.monitor(), time(a.firstSeen()),
        String.valueOf(a.count()), a.heldBy() == null ? a.summary() : "held by " + a.heldBy() + ": " + a.summary()
      });
    }
    table(out, rows);
  }

  static void table(PrintWriter out, List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns - 1; c++) width[c] = Math.max(width[c], row[c].length());
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        line.append(row[c]);
        if (c < columns - 1) line.append(" ".repeat(width[c] - row[c].length() + 2));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }
}
