package dev.vigil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OvernightWindowTest {
  static final OvernightWindow NIGHTLY = OvernightWindow.every(DailyWindow.parse("22:00-08:00").orElseThrow());

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Asia/Seoul"})
  void aVirtualYearOpensAndClosesTheWindowExactlyOnceADayAcrossBothDstChanges(String zoneName) {
    ZoneId zone = ZoneId.of(zoneName);
    Instant from = LocalDate.of(2025, 1, 1).atStartOfDay(zone).toInstant();
    Instant to = LocalDate.of(2026, 1, 1).atStartOfDay(zone).toInstant();
    Map<LocalDate, Integer> opens = new TreeMap<>();
    Map<LocalDate, Integer> closes = new TreeMap<>();
    boolean was = NIGHTLY.contains(from, zone);
    for (Instant t = from.plus(Duration.ofMinutes(5)); t.isBefore(to); t = t.plus(Duration.ofMinutes(5))) {
      boolean now = NIGHTLY.contains(t, zone);
      if (now != was) {
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        if (now) {
          opens.merge(local.toLocalDate(), 1, Integer::sum);
          assertThat(local.toLocalTime()).as("opens at %s", local).isEqualTo(LocalTime.of(22, 0));
        } else {
          closes.merge(local.toLocalDate(), 1, Integer::sum);
          assertThat(local.toLocalTime()).as("closes at %s", local).isEqualTo(LocalTime.of(8, 0));
        }
      }
      was = now;
    }
    assertThat(opens).hasSize(365).allSatisfy((day, n) -> assertThat(n).as("opens on %s", day).isEqualTo(1));
    assertThat(closes).hasSize(365).allSatisfy((day, n) -> assertThat(n).as("closes on %s", day).isEqualTo(1));
  }

  @ParameterizedTest(name = "the night of {1} in {0} lasts {2}")
  @CsvSource({
      "Europe/Berlin,    2025-03-29, PT9H",
      "Europe/Berlin,    2025-10-25, PT11H",
      "America/New_York, 2025-03-08, PT9H",
      "America/New_York, 2025-11-01, PT11H",
      "Australia/Sydney, 2025-04-05, PT11H",
      "Australia/Sydney, 2025-10-04, PT9H",
      "Asia/Kolkata,     2025-03-29, PT10H",
      "Asia/Seoul,       2025-10-25, PT10H"})
  void aNightIsAsLongAsTheWallClockSaysOnDstNights(String zone, LocalDate evening, Duration length) {
    var o = NIGHTLY.occurrenceOpeningOn(evening, ZoneId.of(zone)).orElseThrow();
    assertThat(Duration.between(o.opens(), o.closes())).isEqualTo(length);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "a window opening in the spring-forward gap opens when the clocks jump, 2025-03-30T02:30, 2025-03-30T01:30:00Z",
      "a window opening in the autumn overlap opens at the first 02:30,       2025-10-26T02:30, 2025-10-26T00:30:00Z"})
  void boundariesInsideADstChangeAreWellDefined(String intent, String local, Instant expectedOpen) {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    LocalDateTime l = LocalDateTime.parse(local);
    OvernightWindow w = OvernightWindow.every(new DailyWindow(l.toLocalTime(), LocalTime.of(8, 0)));
    assertThat(w.occurrenceOpeningOn(l.toLocalDate(), berlin).orElseThrow().opens()).isEqualTo(expectedOpen);
  }

  @Test
  void aWindowPerWeekdayLetsTheWeekendSleepIn() {
    ZoneId zone = ZoneId.of("Europe/Berlin");
    Map<DayOfWeek, DailyWindow> nights = new EnumMap<>(DayOfWeek.class);
    nights.put(DayOfWeek.FRIDAY, DailyWindow.parse("23:00-10:00").orElseThrow());
    nights.put(DayOfWeek.THURSDAY, DailyWindow.parse("22:00-07:00").orElseThrow());
    OvernightWindow w = OvernightWindow.of(nights);
    // Saturday 2025-06-07 09:00 belongs to Friday's night; Friday 07:30 is after Thursday's night.
    assertThat(w.contains(ZonedDateTime.of(2025, 6, 7, 9, 0, 0, 0, zone).toInstant(), zone)).isTrue();
    assertThat(w.contains(ZonedDateTime.of(2025, 6, 6, 7, 30, 0, 0, zone).toInstant(), zone)).isFalse();
    assertThat(w.contains(ZonedDateTime.of(2025, 6, 6, 6, 59, 0, 0, zone).toInstant(), zone)).isTrue();
    assertThat(w.contains(ZonedDateTime.of(2025, 6, 7, 23, 30, 0, 0, zone).toInstant(), zone)).isFalse();
  }

  @Test
  void aDaytimeWindowDoesNotCrossMidnight() {
    ZoneId zone = ZoneId.of("Asia/Kolkata");
    OvernightWindow lunch = OvernightWindow.every(DailyWindow.parse("12:00-13:30").orElseThrow());
    assertThat(lunch.contains(ZonedDateTime.of(2025, 6, 7, 12, 0, 0, 0, zone).toInstant(), zone)).isTrue();
    assertThat(lunch.contains(ZonedDateTime.of(2025, 6, 7, 13, 30, 0, 0, zone).toInstant(), zone)).isFalse();
    assertThat(lunch.contains(ZonedDateTime.of(2025, 6, 7, 0, 30, 0, 0, zone).toInstant(), zone)).isFalse();
  }

  @Test
  void readsBackAsAPersonWouldWriteIt() {
    DailyWindow late = DailyWindow.parse("22:00-07:00").orElseThrow();
    DailyWindow friday = DailyWindow.parse("23:30-10:00").orElseThrow();
    Map<DayOfWeek, DailyWindow> nights = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : java.util.EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY)) nights.put(d, late);
    nights.put(DayOfWeek.FRIDAY, friday);
    nights.put(DayOfWeek.SUNDAY, late);
    assertThat(OvernightWindow.of(nights).text()).isEqualTo("mon-thu 22:00-07:00, fri 23:30-10:00, sun 22:00-07:00");
    assertThat(OvernightWindow.every(late).text()).isEqualTo("22:00-07:00");
    assertThat(OvernightWindow.none().text()).isEqualTo("off");
    assertThat(OvernightWindow.of(nights)).isEqualTo(OvernightWindow.of(new EnumMap<>(nights)));
  }
}
