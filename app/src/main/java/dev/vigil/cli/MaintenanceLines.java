package dev.vigil.cli;

import dev.vigil.policy.MaintenanceWindow;
import dev.vigil.policy.Times;
import dev.vigil.policy.MaintenanceRule;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The rows {@code vigil silence list} shows for the scheduled maintenance windows: the ones in force and the next. */
final class MaintenanceLines {
  private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

  private MaintenanceLines() {}

  /** A table (header first), or empty when there are no windows. */
  static List<String[]> rows(List<MaintenanceRule> rules, Instant now, ZoneId zone) {
    List<String[]> rows = new ArrayList<>();
    if (rules.isEmpty()) return rows;
    rows.add(new String[] {"MAINTENANCE", "MATCH", "SCHEDULE", "WHEN"});
    for (MaintenanceRule r : rules) {
      MaintenanceWindow w = new MaintenanceWindow(r);
      Optional<MaintenanceWindow.Occurrence> open = w.at(now, zone);
      String when = open.map(o -> "in force until " + Times.clock(o.ends(), now, zone))
          .or(() -> w.next(now, zone).map(o -> "next " + NEXT.format(o.starts().atZone(zone))))
          .orElse("-");
      rows.add(new String[] {r.id(), matchText(r.match()), w.schedule(), when});
    }
    return rows;
  }

  private static String matchText(Map<String, String> match) {
    StringBuilder b = new StringBuilder();
    new java.util.TreeMap<>(match).forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return b.toString();
  }
}
