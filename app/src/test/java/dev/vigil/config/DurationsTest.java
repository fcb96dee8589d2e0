package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                          | text    | millis
      milliseconds                      | 500ms   | 500
      seconds                           | 30s     | 30000
      minutes                           | 5m      | 300000
      hours                             | 1h      | 3600000
      days                              | 1d      | 86400000
      combination from largest unit     | 1h30m   | 5400000
      all units at once                 | 1d1h1m1s1ms | 90061001
      zero is the caller's business     | 0s      | 0
      spaces around are trimmed         | ' 2s '  | 2000
      """)
  void validDurationsParse(String intent, String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                      | text        | message
      empty                         | ''          | '"" is not a duration (use 500ms, 30s, 5m, 1h, 1d)'
      words                         | 30 seconds  | '"30 seconds" is not a duration (use 500ms, 30s, 5m, 1h, 1d)'
      plain number                  | 30          | '"30" has no unit (use 500ms, 30s, 5m, 1h, 1d)'
      unknown unit                  | 2w          | '"2w" has an unknown unit "w" (use 500ms, 30s, 5m, 1h, 1d)'
      negative                      | -5s         | '"-5s" is negative'
      units out of order            | 30m1h       | '"30m1h": units must go from largest to smallest, once each'
      unit repeated                 | 1s1s        | '"1s1s": units must go from largest to smallest, once each'
      decimal                       | 1.5h        | '"1.5h" is not a duration (use 500ms, 30s, 5m, 1h, 1d)'
      overflow                      | 99999999999999999999d | '"99999999999999999999d" is too long (at most 365d)'
      beyond an Instant             | 99999999999999d | '"99999999999999d" is too long (at most 365d)'
      more than a year              | 366d        | '"366d" is too long (at most 365d)'
      a year and a millisecond      | 365d1ms     | '"365d1ms" is too long (at most 365d)'
      """)
  void invalidDurationsAreRefusedWithAnExactMessage(String intent, String text, String message) {
    assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                       | millis   | text
      seconds stay seconds           | 30000    | 30s
      hour and a half                | 5400000  | 1h30m
      under a second                 | 800      | 800ms
      zero                           | 0        | 0s
      a day and a bit                | 90061001 | 1d1h1m1s1ms
      """)
  void formatGivesTheCanonicalForm(String intent, long millis, String text) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

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
    assertThat(Durations.words(Duration.ofSeconds(seconds))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} up to {1} reads as {2}")
  @CsvSource({
      "PT24H, HOURS, 24h", "P2D, HOURS, 48h", "PT90M, HOURS, 1h30m", "P2D, DAYS, 2d",
      "PT90S, SECONDS, 90s", "PT0.5S, SECONDS, 500ms", "PT1.5S, SECONDS, 1s500ms", "PT0S, SECONDS, 0s"})
  void theLargestUnitCanBeCapped(Duration d, java.time.temporal.ChronoUnit largest, String expected) {
    assertThat(Durations.format(d, largest)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} roughly reads as {1}")
  @CsvSource({
      "PT0.4S, 0s", "PT1M35S, 1m35s", "PT8H0M3S, 8h", "PT2H30M29S, 2h30m", "P1D, 1d", "PT26H, 1d2h", "-PT1H, -1h"})
  void roughLengthsGoToTheSecondThenTheMinute(Duration d, String expected) {
    assertThat(Durations.rough(d)).isEqualTo(expected);
  }
}
