package dev.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimesTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest(name = "{0} s reads as \"{1}\"")
  @CsvSource({
      "0, 0 s",
      "59, 59 s",
      "60, 1 min",
      "2220, 37 min",
      "3600, 1 h",
      "7500, 2 h 5 min",
      "86400, 1 d",
      "273600, 3 d 4 h",
      "-5, 0 s"})
  void durationsReadInWords(long seconds, String expected) {
    assertThat(Times.duration(Duration.ofSeconds(seconds))).isEqualTo(expected);
  }

  @Test
  void sinceShowsLocalClockTimeAndAge() {
    Instant first = Instant.parse("2026-11-25T01:14:00Z");
    Instant now = Instant.parse("2026-11-25T01:51:00Z");
    assertThat(Times.since(first, now, BERLIN)).isEqualTo("since 02:14 (37 min)");
  }

  @Test
  void sinceNamesTheDayWhenItWasNotToday() {
    Instant first = Instant.parse("2026-11-23T21:00:00Z");
    Instant now = Instant.parse("2026-11-25T01:00:00Z");
    assertThat(Times.since(first, now, BERLIN)).isEqualTo("since 23 Nov 22:00 (1 d 4 h)");
  }

  @Test
  void clockTimesFollowDaylightSavingTime() {
    assertThat(Times.clock(Instant.parse("2026-07-01T06:00:00Z"), Instant.parse("2026-07-01T07:00:00Z"), BERLIN))
        .isEqualTo("08:00");
  }
}
