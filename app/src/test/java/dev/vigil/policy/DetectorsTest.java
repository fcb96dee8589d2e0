package dev.vigil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DetectorsTest {
  static Stream<Arguments> flapSeries() {
    return Stream.of(
        Arguments.of("a steady monitor never flaps", "UUUUUUUUUUUUUUUUUUUUU", 0.0),
        Arguments.of("one recent failure is a small change", "UUUUUUUUUUUUUUUUUUUUD", 6.0),
        Arguments.of("alternating every check is a 100 % change", "UDUDUDUDUDUDUDUDUDUDU", 100.0),
        Arguments.of("one old change weighs less than one new change", "DUUUUUUUUUUUUUUUUUUUU", 4.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flapSeries")
  void percentStateChangeWeighsRecentChangesMore(String intent, String series, double percent) {
    Boolean[] results = series.chars().mapToObj(c -> c == 'U').toArray(Boolean[]::new);
    assertThat(FlapDetector.percentStateChange(results)).isCloseTo(percent, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void threeReopensWithinTheWindowMakeAMonitorFlapUntilTwentyOneResultsAgree() {
    FlapDetector f = new FlapDetector();
    java.time.Instant t = java.time.Instant.parse("2026-12-06T23:00:00Z");
    java.time.Duration window = java.time.Duration.ofMinutes(30);
    // 8 s down, 8 s up at a 2 s interval reads 25 %: under the percent threshold.
    for (int i = 0; i < 21; i++) f.observe("edge", i % 8 >= 4);
    assertThat(f.isFlapping("edge")).isFalse();
    assertThat(f.reopened("edge", t, window).status()).isEqualTo(FlapDetector.Status.STEADY);
    assertThat(f.reopened("edge", t.plusSeconds(16), window).status()).isEqualTo(FlapDetector.Status.STEADY);
    assertThat(f.reopened("edge", t.plusSeconds(32), window).status()).isEqualTo(FlapDetector.Status.STARTED);
    assertThat(f.reopened("edge", t.plusSeconds(48), window).status()).isEqualTo(FlapDetector.Status.FLAPPING);
    // The last result seen was up; 19 more make 20 alike, the next makes 21: the whole window agrees.
    for (int i = 0; i < 19; i++) assertThat(f.observe("edge", true).status()).isEqualTo(FlapDetector.Status.FLAPPING);
    assertThat(f.observe("edge", true).status()).as("the 21st result alike").isEqualTo(FlapDetector.Status.STOPPED);
  }

  @Test
  void reopensFartherApartThanTheWindowDoNotMakeAMonitorFlap() {
    FlapDetector f = new FlapDetector();
    java.time.Instant t = java.time.Instant.parse("2026-12-06T23:00:00Z");
    java.time.Duration window = java.time.Duration.ofMinutes(30);
    for (int i = 0; i < 5; i++) {
      assertThat(f.reopened("edge", t.plus(java.time.Duration.ofMinutes(16L * i)), window).status())
          .isEqualTo(FlapDetector.Status.STEADY);
    }
  }

  @Test
  void aFlappingMonitorIsToldOnceWhenItStartsAndOnceWithItsFinalStateWhenItStops() {
    FlapDetector f = new FlapDetector();
    List<FlapDetector.Status> changes = new ArrayList<>();
    String series = "UUUUUUUUUUDUDUDUDUDUDUDUD" + "DDDDDDDDDDDDDDDDDDDD";
    FlapDetector.Flap last = null;
    for (char c : series.toCharArray()) {
      last = f.observe("payments-api", c == 'U');
      if (last.status() == FlapDetector.Status.STARTED || last.status() == FlapDetector.Status.STOPPED) changes.add(last.status());
    }
    assertThat(changes).containsExactly(FlapDetector.Status.STARTED, FlapDetector.Status.STOPPED);
    assertThat(last.up()).isFalse();
    assertThat(f.isFlapping("payments-api")).isFalse();
  }

  @Test
  void kAlertsWithinTheWindowMakeOneStormAndLaterOnesJoinIt() {
    StormDetector s = new StormDetector(new Policy.Storm(3, Duration.ofMinutes(2)));
    Instant t = Instant.parse("2025-06-02T01:00:00Z");
    assertThat(s.observe(1, "a", t).status()).isEqualTo(StormDetector.Status.CALM);
    assertThat(s.observe(2, "b", t.plusSeconds(10)).status()).isEqualTo(StormDetector.Status.CALM);
    StormDetector.Verdict v = s.observe(3, "c", t.plusSeconds(20));
    assertThat(v.status()).isEqualTo(StormDetector.Status.STARTED);
    assertThat(v.members()).extracting(StormDetector.Member::monitor).containsExactly("a", "b", "c");
    assertThat(s.observe(4, "d", t.plusSeconds(100)).status()).isEqualTo(StormDetector.Status.JOINED);
    assertThat(s.isRaging(t.plusSeconds(100 + 121))).isFalse();
    assertThat(s.observe(5, "e", t.plusSeconds(400)).status()).isEqualTo(StormDetector.Status.CALM);
  }

  @Test
  void alertsSpreadWiderThanTheWindowAreNoStorm() {
    StormDetector s = new StormDetector(new Policy.Storm(3, Duration.ofMinutes(2)));
    Instant t = Instant.parse("2025-06-02T01:00:00Z");
    for (int i = 0; i < 10; i++) {
      assertThat(s.observe(i, "m" + i, t.plus(Duration.ofMinutes(i * 2L))).status()).isEqualTo(StormDetector.Status.CALM);
    }
  }
}
