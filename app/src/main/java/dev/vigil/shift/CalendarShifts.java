package dev.vigil.shift;

import dev.vigil.policy.OnCall;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * The shifts of an iCalendar feed (what PagerDuty, Opsgenie, Grafana and Google Calendar export) between two instants:
 * recurring events expanded by their RRULE, without their EXDATEs, with each RECURRENCE-ID override in place of the
 * occurrence it replaces; times in their TZID, floating times and all-day events in the policy's zone. With a
 * {@code match}, only the events whose SUMMARY or an ATTENDEE (address or name) contains it, ignoring case.
 */
public final class CalendarShifts {
  private CalendarShifts() {}

  /** Thrown for a feed that is not an iCalendar document. */
  public static final class BadCalendar extends Exception {
    BadCalendar(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static List<OnCall.Shift> read(String ics, String match, Instant from, Instant to, ZoneId zone) throws BadCalendar {
    Calendar calendar;
    try {
      calendar = new CalendarBuilder().build(new StringReader(ics));
    } catch (ParserException e) {
      throw new BadCalendar("not an iCalendar feed: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new BadCalendar("cannot read the calendar: " + e.getMessage(), e);
    }
    Map<String, List<VEvent>> byUid = new LinkedHashMap<>();
    for (Component c : calendar.getComponents(Component.VEVENT)) {
      VEvent e = (VEvent) c;
      String uid = e.getProperty(Property.UID).map(Property::getValue).orElse("no-uid-" + byUid.size());
      byUid.computeIfAbsent(uid, u -> new ArrayList<>()).add(e);
    }
    Range range = new Range(from, to, zone);
    List<OnCall.Shift> out = new ArrayList<>();
    try {
      for (List<VEvent> group : byUid.values()) shifts(group, match, range, zone, out);
    } catch (RuntimeException e) {
      throw new BadCalendar("cannot expand the calendar's events: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * The period to expand in, in the same kind of time as the event's DTSTART: ical4j compares them unit by unit, and an
   * all-day event has no seconds to compare.
   */
  private record Range(Instant from, Instant to, ZoneId zone) {
    Period<? extends Temporal> forEvent(VEvent e) {
      Temporal start = e.getStartDate().map(d -> (Temporal) d.getDate()).orElse(null);
      if (start instanceof LocalDate) {
        return new Period<>(from.atZone(zone).toLocalDate().minusDays(1), to.atZone(zone).toLocalDate().plusDays(1));
      }
      if (start instanceof LocalDateTime) return new Period<>(from.atZone(zone).toLocalDateTime(), to.atZone(zone).toLocalDateTime());
      return new Period<>(from.atZone(zone), to.atZone(zone));
    }
  }

  private static void shifts(List<VEvent> group, String match, Range range, ZoneId zone, List<OnCall.Shift> out) {
    Set<Instant> overridden = new HashSet<>();
    for (VEvent e : group) {
      Optional<Instant> rid = date(e, Property.RECURRENCE_ID, zone);
      if (rid.isEmpty()) continue;
      overridden.add(rid.get());
      if (cancelled(e) || !matches(e, match)) continue;
      Set<Period<Temporal>> own = e.calculateRecurrenceSet(range.forEvent(e));
      for (Period<Temporal> p : own) out.add(shift(p, zone));
    }
    for (VEvent e : group) {
      if (e.getProperty(Property.RECURRENCE_ID).isPresent() || cancelled(e) || !matches(e, match)) continue;
      Set<Period<Temporal>> set = e.calculateRecurrenceSet(range.forEvent(e));
      for (Period<Temporal> p : set) {
        OnCall.Shift s = shift(p, zone);
        if (!overridden.contains(s.starts())) out.add(s);
      }
    }
  }

  private static boolean cancelled(VEvent e) {
    return e.getProperty(Property.STATUS).map(p -> p.getValue().equalsIgnoreCase("CANCELLED")).orElse(false);
  }

  private static boolean matches(VEvent e, String match) {
    if (match == null || match.isBlank()) return true;
    String want = match.toLowerCase(Locale.ROOT);
    if (e.getProperty(Property.SUMMARY).map(p -> p.getValue().toLowerCase(Locale.ROOT).contains(want)).orElse(false)) return true;
    for (Property attendee : e.getProperties(Property.ATTENDEE)) {
      if (attendee.getValue().toLowerCase(Locale.ROOT).contains(want)) return true;
      Optional<Parameter> cn = attendee.getParameter(Parameter.CN);
      if (cn.isPresent() && cn.get().getValue().toLowerCase(Locale.ROOT).contains(want)) return true;
    }
    return false;
  }

  private static Optional<Instant> date(VEvent e, String name, ZoneId zone) {
    Optional<Property> p = e.getProperty(name);
    if (p.isEmpty() || !(p.get() instanceof DateProperty<?> d) || d.getDate() == null) return Optional.empty();
    return Optional.of(instant(d.getDate(), zone));
  }

  private static OnCall.Shift shift(Period<Temporal> p, ZoneId zone) {
    return new OnCall.Shift(instant(p.getStart(), zone), instant(p.getEnd(), zone));
  }

  static Instant instant(Temporal t, ZoneId zone) {
    if (t instanceof Instant i) return i;
    if (t instanceof ZonedDateTime z) return z.toInstant();
    if (t instanceof OffsetDateTime o) return o.toInstant();
    if (t instanceof LocalDateTime l) return l.atZone(zone).toInstant();
    if (t instanceof LocalDate d) return d.atStartOfDay(zone).toInstant();
    throw new IllegalArgumentException("unsupported date " + t);
  }
}
