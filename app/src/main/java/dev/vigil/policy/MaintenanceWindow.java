package dev.vigil.policy;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.vigil.alert.Alert;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;

/**
 * A scheduled maintenance window in force: matching alerts are recorded and shown, but make no noise and no page.
 * Times are the policy's wall-clock times, DST-correct: {@code sun 02:00-04:00} on the night the clocks go forward
 * at 02:00 runs 03:00-04:00, and on the night they go back it runs from the first 02:00 to 04:00. Pure.
 */
public final class MaintenanceWindow {
  private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** One opening of the window: {@code [starts, ends)}. */
  public record Occurrence(String id, Instant starts, Instant ends) {
    public boolean contains(Instant t) {
      return !t.isBefore(starts) && t.isBefore(ends);
    }
  }

  private final MaintenanceRule rule;
  private final ExecutionTime cron;

  public MaintenanceWindow(MaintenanceRule rule) {
    this.rule = rule;
    this.cron = rule.cron() == null ? null : ExecutionTime.forCron(CRON.parse(rule.cron()));
  }

  public String id() {
    return rule.id();
  }

  public Map<String, String> match() {
    return rule.match();
  }

  public boolean matches(Alert alert) {
    return Silence.matches(rule.match(), alert);
  }

  /** The opening that covers {@code now}, if any. */
  public Optional<Occurrence> at(Instant now, ZoneId zone) {
    if (cron != null) {
      // The last start at or before now (a start exactly now counts), then whether it still runs.
      Optional<ZonedDateTime> last = cron.lastExecution(now.plusSeconds(1).atZone(zone));
      return last.map(s -> new Occurrence(rule.id(), s.toInstant(), s.toInstant().plus(rule.length())))
          .filter(o -> o.contains(now));
    }
    LocalDate today = now.atZone(zone).toLocalDate();
    for (int back = 0; back <= 7; back++) {
      Occurrence o = weekly(today.minusDays(back), zone);
      if (o != null && o.contains(now)) return Optional.of(o);
    }
    return Optional.empty();
  }

  /** The next opening that starts after {@code now}. */
  public Optional<Occurrence> next(Instant now, ZoneId zone) {
    if (cron != null) {
      return cron.nextExecution(now.atZone(zone))
          .map(s -> new Occurrence(rule.id(), s.toInstant(), s.toInstant().plus(rule.length())));
    }
    LocalDate day = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(rule.weekly().day()));
    for (int week = 0; week < 3; week++) {
      Occurrence o = weekly(day.plusWeeks(week), zone);
      if (o.starts().isAfter(now)) return Optional.of(o);
    }
    return Optional.empty();
  }

  /** The opening that starts on {@code day}, or null when the window is on another weekday. */
  private Occurrence weekly(LocalDate day, ZoneId zone) {
    MaintenanceRule.Weekly w = rule.weekly();
    if (day.getDayOfWeek() != w.day()) return null;
    ZonedDateTime starts = day.atTime(w.start()).atZone(zone);
    LocalDate endDay = w.end().isAfter(w.start()) ? day : day.plusDays(1);
    ZonedDateTime ends = endDay.atTime(w.end()).atZone(zone);
    return new Occurrence(rule.id(), starts.toInstant(), ends.toInstant());
  }

  /** How long the window lasts in the rules' words, e.g. {@code sun 02:00-04:00} or {@code 0 2 * * 0 for 2h}. */
  public String schedule() {
    if (cron != null) return rule.cron() + " for " + dev.vigil.config.Durations.format(rule.length());
    MaintenanceRule.Weekly w = rule.weekly();
    return w.day().name().substring(0, 3).toLowerCase() + " " + w.start() + "-" + w.end();
  }

  /** {@code in maintenance until 04:00 (db-backup)}. */
  public static String describe(Occurrence o, Instant now, ZoneId zone) {
    return "in maintenance until " + Times.clock(o.ends(), now, zone) + " (" + o.id() + ")";
  }

  /** The first window in force at {@code now} that matches the alert. */
  public static Optional<Occurrence> covering(Iterable<MaintenanceWindow> windows, Alert alert, Instant now, ZoneId zone) {
    for (MaintenanceWindow w : windows) {
      if (!w.matches(alert)) continue;
      Optional<Occurrence> o = w.at(now, zone);
      if (o.isPresent()) return o;
    }
    return Optional.empty();
  }
}
