package dev.vigil.ui.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnoozeChoiceTest {
  @ParameterizedTest(name = "{0}: {1} snoozed {2} ends at {3}")
  @CsvSource({
      "at night the snooze ends this morning, 2026-11-25T01:00:00Z, UNTIL_MORNING, 2026-11-25T07:00:00Z",
      "after 08:00 it ends tomorrow morning, 2026-11-25T09:00:00Z, UNTIL_MORNING, 2026-11-26T07:00:00Z",
      "the night clocks go back still ends at 08:00 local, 2026-10-25T00:30:00Z, UNTIL_MORNING, 2026-10-25T07:00:00Z",
      "fifteen minutes, 2026-11-25T01:00:00Z, FIFTEEN_MINUTES, 2026-11-25T01:15:00Z",
      "one hour, 2026-11-25T01:00:00Z, ONE_HOUR, 2026-11-25T02:00:00Z"})
  void snoozesEndWhenThePersonExpects(String intent, Instant now, SnoozeChoice choice, Instant expected) {
    assertThat(choice.until(now, ZoneId.of("Europe/Berlin"))).isEqualTo(expected);
  }
}
