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
