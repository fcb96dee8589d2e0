package dev.vigil.rules;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.vigil.policy.MaintenanceRule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one {@code maintenance:} entry: {@code id}, {@code match}, and {@code weekly} or {@code cron} with {@code for}. */
final class MaintenanceReader {
  static final Set<String> FIELDS = Set.of("id", "match", "weekly", "cron", "for", "comment");
  private static final Pattern WEEKLY = Pattern.compile(
      "(mon|tue|wed|thu|fri|sat|sun)\\s+(([01]\\d|2[0-3]):[0-5]\\d)-(([01]\\d|2[0-3]):[0-5]\\d)", Pattern.CASE_INSENSITIVE);
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private MaintenanceReader() {}

  /** The window, or null when it has a problem (added to {@code f}). */
  static MaintenanceRule read(Fields f) {
    String id = f.id();
    Map<String, String> match = f.textMap("match", false);
    if (!f.has("match")) f.problem(f.map.where, "missing field \"match\" (monitor ids and/or labels, e.g. {monitor: core-db})");
    else if (match.isEmpty() && !f.failed()) f.problem("match", "needs at least one matcher, e.g. {team: payments}");
    MaintenanceRule.Weekly weekly = null;
    String cron = null;
    Duration length = null;
    if (f.has("weekly") && f.has("cron")) {
      f.problem(f.where("cron"), "use either \"weekly\" or \"cron\" with \"for\", not both");
    } else if (f.has("weekly")) {
      weekly = weekly(f);
      if (f.has("for")) f.problem("for", "\"weekly\" gives its own end; \"for\" goes with \"cron\"");
    } else if (f.has("cron")) {
      cron = f.text("cron", true);
      try {
        if (cron != null) CRON.parse(cron).validate();
      } catch (IllegalArgumentException e) {
        f.problem("cron", "\"" + cron + "\" is not a 5-field cron expression like \"0 2 * * 0\": " + e.getMessage());
      }
      if (!f.has("for")) f.problem(f.map.where, "missing field \"for\" (how long each window lasts, e.g. 2h)");
      else length = f.duration("for", null, Duration.ofMinutes(1));
    } else {
      f.problem(f.map.where, "missing field \"weekly\" (e.g. \"sun 02:00-04:00\") or \"cron\" with \"for\"");
    }
    if (f.failed()) return null;
    return new MaintenanceRule(id, match, weekly, cron, length, f.map.where);
  }

  private static MaintenanceRule.Weekly weekly(Fields f) {
    String text = f.text("weekly", true);
    if (text == null) return null;
    Matcher m = WEEKLY.matcher(text.trim());
    if (!m.matches()) {
      f.problem("weekly", "\"" + text + "\" must be a day and HH:MM-HH:MM, e.g. \"sun 02:00-04:00\"");
      return null;
    }
    LocalTime start = LocalTime.parse(m.group(2));
    LocalTime end = LocalTime.parse(m.group(4));
    if (start.equals(end)) {
      f.problem("weekly", "\"" + text + "\" starts and ends at the same time");
      return null;
    }
    return new MaintenanceRule.Weekly(DayOfWeek.of(DAYS.indexOf(m.group(1).toLowerCase()) + 1), start, end);
  }
}
