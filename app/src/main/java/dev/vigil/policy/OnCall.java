package dev.vigil.policy;

import dev.vigil.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When the person is on call: always (no {@code oncall:}), by a rotation, or by the shifts of a calendar. Off shift the
 * {@code offShift} behaviour applies (default: critical notifies, nothing wakes, nothing pages). A calendar with no good
 * copy at all leaves the person on call, never off, and says why. Pure: the calendar's shifts come in already read.
 */
public final class OnCall {
  public static final Map<Severity, Level> DEFAULT_OFF_SHIFT =
      Map.of(Severity.CRITICAL, Level.NOTIFY, Severity.WARNING, Level.TRAY, Severity.INFO, Level.TRAY);
  private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

  /** One shift, {@code [starts, ends)}. */
  public record Shift(Instant starts, Instant ends) {}

  /**
   * Whether the person is on call at a moment, until when, when the next shift starts (null when unknown), where that
   * comes from ({@code always}, {@code rotation}, {@code calendar}) and what is wrong with it (null when nothing).
   */
  public record Status(boolean onCall, Instant until, Instant next, String source, String problem) {
    /** As {@code vigil oncall --json} and {@code vigil status --json} write it: onCall, until, next, source, problem. */
    public java.util.Map<String, Object> toJson(java.time.ZoneId zone) {
      java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
      out.put("onCall", onCall);
      out.put("until", dev.vigil.alert.AlertJson.time(until, zone));
      out.put("next", dev.vigil.alert.AlertJson.time(next, zone));
      out.put("source", source);
      out.put("problem", problem);
      return out;
    }
  }

  private final String source;
  private final OncallSpec.Rotation rotation;
  private final ZoneId zone;
  private final List<Shift> shifts;
  private final String problem;
  private final Map<Severity, Level> offShift;

  private OnCall(String source, OncallSpec.Rotation rotation, ZoneId zone, List<Shift> shifts, String problem,
      Map<Severity, Level> offShift) {
    this.source = source;
    this.rotation = rotation;
    this.zone = zone;
    this.shifts = shifts;
    this.problem = problem;
    Map<Severity, Level> all = new EnumMap<>(DEFAULT_OFF_SHIFT);
    all.putAll(offShift);
    this.offShift = Map.copyOf(all);
  }

  /** No {@code oncall:}: always on call. */
  public static OnCall always() {
    return new OnCall("always", null, ZoneId.of("UTC"), null, null, Map.of());
  }

  public static OnCall rotation(OncallSpec.Rotation rotation, ZoneId zone, Map<Severity, Level> offShift) {
    return new OnCall("rotation", rotation, zone, null, null, offShift);
  }

  /**
   * The shifts of a calendar; {@code shifts} null when there is no good copy at all (then always on call).
   *
   * @param problem what went wrong with the last fetch or parse (the shifts are then the last good copy's), or null
   */
  public static OnCall calendar(List<Shift> shifts, String problem, Map<Severity, Level> offShift) {
    return new OnCall("calendar", null, ZoneId.of("UTC"), shifts == null ? null : merged(shifts), problem, offShift);
  }

  /** {@code offShift} of the spec as levels (the reader validated them). */
  public static Map<Severity, Level> levels(OncallSpec spec) {
    Map<Severity, Level> out = new EnumMap<>(Severity.class);
    spec.offShift().forEach((s, l) -> Level.parse(l).ifPresent(level -> out.put(s, level)));
    return out;
  }

  public String source() {
    return source;
  }

  /** What {@code severity} does off shift. */
  public Level offShift(Severity severity) {
    return offShift.get(severity);
  }

  public Status at(Instant now) {
    if (rotation != null) return rotationAt(now);
    if (shifts == null) return new Status(true, null, null, source, problem);
    for (Shift s : shifts) {
      if (!now.isBefore(s.starts()) && now.isBefore(s.ends())) return new Status(true, s.ends(), nextAfter(s.ends()), source, problem);
    }
    return new Status(false, null, nextAfter(now), source, problem);
  }

  /**
   * The start of the person's shift before the one in force at {@code now}: where a hand-off's "since the last hand-off"
   * begins when none was recorded. Null when off call, always on call, or no earlier shift is known.
   */
  public Instant previousStart(Instant now) {
    if (rotation != null) {
      if (!rotationAt(now).onCall()) return null;
      LocalDateTime starts = rotationStart(now.atZone(zone).toLocalDateTime());
      return starts.minus(rotation.every()).atZone(zone).toInstant();
    }
    if (shifts == null) return null;
    for (int i = 0; i < shifts.size(); i++) {
      Shift s = shifts.get(i);
      if (!now.isBefore(s.starts()) && now.isBefore(s.ends())) return i == 0 ? null : shifts.get(i - 1).starts();
    }
    return null;
  }

  private Instant nextAfter(Instant t) {
    for (Shift s : shifts) {
      if (s.starts().isAfter(t)) return s.starts();
    }
    return null;
  }

  /** The rotation counts in wall-clock time of the policy's zone: hand-over stays at 09:00 across a DST change. */
  private Status rotationAt(Instant now) {
    LocalDateTime local = now.atZone(zone).toLocalDateTime();
    Duration every = rotation.every();
    LocalDateTime starts = rotationStart(local);
    LocalDateTime ends = starts.plus(rotation.shift());
    LocalDateTime next = starts.plus(every);
    if (!local.isBefore(starts) && local.isBefore(ends)) {
      return new Status(true, ends.atZone(zone).toInstant(), next.atZone(zone).toInstant(), source, null);
    }
    return new Status(false, null, (local.isBefore(starts) ? starts : next).atZone(zone).toInstant(), source, null);
  }

  /** The start of the rotation's last cycle begun at {@code local} (wall-clock time of the policy's zone). */
  private LocalDateTime rotationStart(LocalDateTime local) {
    Duration every = rotation.every();
    long cycle = Math.floorDiv(Duration.between(rotation.start(), local).toMillis(), every.toMillis());
    return rotation.start().plus(every.multipliedBy(cycle));
  }

  private static List<Shift> merged(List<Shift> shifts) {
    List<Shift> sorted = new ArrayList<>(shifts);
    sorted.sort(Comparator.comparing(Shift::starts));
    List<Shift> out = new ArrayList<>();
    for (Shift s : sorted) {
      if (!s.ends().isAfter(s.starts())) continue;
      Shift last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && !s.starts().isAfter(last.ends())) {
        out.set(out.size() - 1, new Shift(last.starts(), s.ends().isAfter(last.ends()) ? s.ends() : last.ends()));
      } else {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  /** {@code Mon 09:00} in {@code zone}. */
  public static String dayClock(Instant t, ZoneId zone) {
    return DAY_CLOCK.format(t.atZone(zone));
  }

  /** {@code on call until Mon 09:00}, {@code off call, next shift Mon 09:00}, or {@code on call} when no end is known. */
  public static String describe(Status s, ZoneId zone) {
    if (s.onCall()) return s.until() == null ? "on call" : "on call until " + DAY_CLOCK.format(s.until().atZone(zone));
    return s.next() == null ? "off call, no shift ahead" : "off call, next shift " + DAY_CLOCK.format(s.next().atZone(zone));
  }
}
