package dev.vigil.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A window of time each night, per weekday, keyed by the evening it opens on (Friday's {@code 23:00-10:00}
 * closes on Saturday morning). Quiet hours use the same shape.
 *
 * <p>Wall-clock times are turned into instants in the zone for the actual dates, so a window is exactly as
 * long as the clock says on DST nights (one hour shorter in spring, longer in autumn). A boundary that falls
 * in a spring-forward gap moves later by the gap, as {@link ZonedDateTime#of} does; one in an autumn overlap
 * takes the earlier offset.
 */
public final class OvernightWindow {
  private static final OvernightWindow NONE = new OvernightWindow(Map.of());

  private final Map<DayOfWeek, DailyWindow> nights;

  private OvernightWindow(Map<DayOfWeek, DailyWindow> nights) {
    this.nights = nights.isEmpty() ? Map.of() : new EnumMap<>(nights);
  }

  /** The same window every night. */
  public static OvernightWindow every(DailyWindow window) {
    Map<DayOfWeek, DailyWindow> all = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) all.put(d, window);
    return new OvernightWindow(all);
  }

  /** A window per weekday; days left out have none. */
  public static OvernightWindow of(Map<DayOfWeek, DailyWindow> nights) {
    return new OvernightWindow(nights);
  }

  public static OvernightWindow none() {
    return NONE;
  }

  public Optional<DailyWindow> on(DayOfWeek day) {
    return Optional.ofNullable(nights.get(day));
  }

  public boolean isEmpty() {
    return nights.isEmpty();
  }

  public boolean contains(Instant t, ZoneId zone) {
    return occurrenceAt(t, zone).isPresent();
  }

  /** The opening of the window that holds {@code t}, if any. */
  public Optional<Occurrence> occurrenceAt(Instant t, ZoneId zone) {
    LocalDate today = t.atZone(zone).toLocalDate();
    for (LocalDate d = today.minusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
      Optional<Occurrence> o = occurrenceOpeningOn(d, zone);
      if (o.isPresent() && o.get().contains(t)) return o;
    }
    return Optional.empty();
  }

  /** The window that opens on the evening of {@code date}, if that weekday has one. */
  public Optional<Occurrence> occurrenceOpeningOn(LocalDate date, ZoneId zone) {
    DailyWindow w = nights.get(date.getDayOfWeek());
    if (w == null) return Optional.empty();
    Instant opens = ZonedDateTime.of(date, w.start(), zone).toInstant();
    LocalDate closeDate = w.crossesMidnight() ? date.plusDays(1) : date;
    Instant closes = ZonedDateTime.of(closeDate, w.end(), zone).toInstant();
    return Optional.of(new Occurrence(opens, closes));
  }

  /** The first window that is open at or after {@code t}: the current one, or the next. */
  public Optional<Occurrence> currentOrNext(Instant t, ZoneId zone) {
    LocalDate today = t.atZone(zone).toLocalDate();
    for (LocalDate d = today.minusDays(1); d.isBefore(today.plusDays(9)); d = d.plusDays(1)) {
      Optional<Occurrence> o = occurrenceOpeningOn(d, zone);
      if (o.isPresent() && o.get().closes().isAfter(t)) return o;
    }
    return Optional.empty();
  }

  /**
   * As a person would write it: {@code 22:00-08:00} when every night is the same, {@code off} when there is none,
   * else each evening that has one, e.g. {@code mon-thu 22:00-07:00, fri 23:30-10:00}.
   */
  public String text() {
    if (nights.isEmpty()) return "off";
    if (nights.size() == 7 && Set.copyOf(nights.values()).size() == 1) return nights.get(DayOfWeek.MONDAY).toString();
    StringBuilder out = new StringBuilder();
    DayOfWeek[] days = DayOfWeek.values();
    for (int i = 0; i < days.length; ) {
      DailyWindow w = nights.get(days[i]);
      int j = i;
      while (j + 1 < days.length && w != null && w.equals(nights.get(days[j + 1]))) j++;
      if (w != null) {
        if (out.length() > 0) out.append(", ");
        out.append(shortName(days[i])).append(j > i ? "-" + shortName(days[j]) : "").append(' ').append(w);
      }
      i = j + 1;
    }
    return out.toString();
  }

  private static String shortName(DayOfWeek d) {
    return d.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OvernightWindow other && nights.equals(other.nights);
  }

  @Override
  public int hashCode() {
    return nights.hashCode();
  }

  @Override
  public String toString() {
    return text();
  }

  /** One night's window as instants: open from {@code opens}, closed again at {@code closes}. */
  public record Occurrence(Instant opens, Instant closes) {
    public boolean contains(Instant t) {
      return !t.isBefore(opens) && t.isBefore(closes);
    }
  }
}
