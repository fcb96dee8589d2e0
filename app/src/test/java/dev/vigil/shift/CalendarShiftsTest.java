package dev.vigil.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.policy.OnCall;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A PagerDuty-style export: a weekly Monday shift in New York with an EXDATE and a RECURRENCE-ID override, a colleague's
 * shift, and an all-day weekend cover, read for a person in Berlin across both DST changes (US 8 March, EU 29 March 2026).
 */
class CalendarShiftsTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static String ics() throws Exception {
    try (var in = CalendarShiftsTest.class.getResourceAsStream("/shift/pagerduty-platform.ics")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Instant berlin(String local) {
    return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
  }

  static List<String> shifts(String match) throws Exception {
    return CalendarShifts.read(ics(), match, berlin("2026-03-01T00:00"), berlin("2026-04-10T00:00"), BERLIN).stream()
        .sorted(java.util.Comparator.comparing(OnCall.Shift::starts))
        .map(s -> s.starts().atZone(BERLIN).toLocalDateTime() + " - " + s.ends().atZone(BERLIN).toLocalDateTime()).toList();
  }

  @Test
  void alicesShiftsInBerlinTimeWithTheExdateLeftOutAndTheOverrideInPlace() throws Exception {
    assertThat(shifts("alice")).containsExactly(
        "2026-03-02T15:00 - 2026-03-03T15:00",   // New York still on EST: 6 hours behind
        "2026-03-10T15:00 - 2026-03-10T23:00",   // the 9 March shift, moved to Tuesday 10:00-18:00 EDT
        "2026-03-23T14:00 - 2026-03-24T14:00",   // 16 March is an EXDATE; New York on EDT, Berlin not yet: 5 hours
        "2026-03-28T00:00 - 2026-03-30T00:00",   // the all-day weekend cover, in the policy's zone
        "2026-03-30T15:00 - 2026-03-31T15:00",   // both on summer time: 6 hours again
        "2026-04-06T15:00 - 2026-04-07T15:00");
  }

  @Test
  void matchFindsTheAttendeeByNameOrAddressAndLeavesOthersOut() throws Exception {
    assertThat(shifts("bob@example.com")).hasSize(6).first().isEqualTo("2026-03-04T15:00 - 2026-03-05T15:00");
    assertThat(shifts("Bob Sample")).isEqualTo(shifts("bob@example.com"));
    assertThat(shifts(null)).hasSize(12);
  }

  @Test
  void onCallFollowsTheShiftsOnAVirtualClock() throws Exception {
    OnCall onCall = OnCall.calendar(
        CalendarShifts.read(ics(), "alice", berlin("2026-03-01T00:00"), berlin("2026-04-10T00:00"), BERLIN), null, java.util.Map.of());
    OnCall.Status monday = onCall.at(berlin("2026-03-09T15:30"));
    assertThat(OnCall.describe(monday, BERLIN)).as("the 9 March shift moved to Tuesday").isEqualTo("off call, next shift Tue 15:00");
    assertThat(OnCall.describe(onCall.at(berlin("2026-03-10T16:00")), BERLIN)).isEqualTo("on call until Tue 23:00");
    assertThat(OnCall.describe(onCall.at(berlin("2026-03-16T16:00")), BERLIN)).as("EXDATE").isEqualTo("off call, next shift Mon 14:00");
    assertThat(onCall.at(berlin("2026-03-29T12:00")).until()).isEqualTo(berlin("2026-03-30T00:00"));
  }

  @Test
  void aFeedThatIsNotICalendarIsRefusedWithTheParsersReason() {
    assertThatThrownBy(() -> CalendarShifts.read("<html>502 Bad Gateway</html>", null, Instant.EPOCH, Instant.EPOCH.plusSeconds(1), BERLIN))
        .isInstanceOf(CalendarShifts.BadCalendar.class).hasMessageStartingWith("not an iCalendar feed: ");
  }
}
