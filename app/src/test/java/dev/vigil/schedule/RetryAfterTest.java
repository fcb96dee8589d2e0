package dev.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {
  static final Instant CHECKED = Instant.parse("2026-11-25T17:00:00Z");

  @ParameterizedTest(name = "{0}: {1} {2} on a {3} s interval -> {4}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      seconds                           | 429 | 120                           | 30 | rate limited (429): retry after 120 s
      an HTTP-date 90 s on              | 503 | Wed, 25 Nov 2026 17:01:30 GMT | 30 | unavailable (503): retry after 90 s
      capped at 10 intervals            | 429 | 86400                         | 30 | rate limited (429): retry after 86400 s asked, checking again in 300 s (10 intervals at most)
      a date in 2099 is capped too      | 429 | Thu, 01 Jan 2099 00:00:00 GMT | 1  | rate limited (429): retry after 2275282800 s asked, checking again in 10 s (10 intervals at most)
      a number too big for a long       | 429 | 99999999999999999999999       | 1  | rate limited (429): retry after 9223372036 s asked, checking again in 10 s (10 intervals at most)
      only 429 and 503 carry it         | 500 | 120                           | 30 | -
      a date already past is no wait    | 429 | Wed, 25 Nov 2026 16:59:00 GMT | 30 | -
      zero is no wait                   | 429 | 0                             | 30 | -
      not a number nor a date           | 429 | soon                          | 30 | -
      no header                         | 429 | -                             | 30 | -
      """)
  void readsTheDelayAndSaysWhy(String intent, int status, String header, long intervalSeconds, String reason) {
    Optional<RetryAfter> r = RetryAfter.of(status, header, CHECKED, Duration.ofSeconds(intervalSeconds));
    assertThat(r.map(RetryAfter::describe)).as(intent).isEqualTo(Optional.ofNullable(reason));
  }
}
