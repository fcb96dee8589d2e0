package dev.vigil.ui.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The board's last hour of latency as bars, two minutes a bar, lowest to highest of the hour. */
class SparklineTest {
  @Test
  void barsOfFourMinutesRunFromTheHoursLowestToItsHighestWithGapsWithoutChecks() {
    List<Long> hour = new ArrayList<>(Collections.nCopies(60, (Long) null));
    hour.set(0, 10L);
    hour.set(1, 30L); // first bar: 20, the average of the minutes with checks
    hour.set(4, 20L); // second bar: 20
    hour.set(58, 90L);
    hour.set(59, 90L);
    String line = BoardLine.sparkline(hour);
    assertThat(line).hasSize(15);
    assertThat(line).isEqualTo("▁▁" + " ".repeat(12) + "█");
  }

  @Test
  void aSteadyHourIsFlatAndAnEmptyOneIsBlank() {
    assertThat(BoardLine.sparkline(Arrays.asList(5L, 5L, 5L, 5L, 5L, 5L, 5L, 5L))).isEqualTo("▁▁");
    assertThat(BoardLine.sparkline(List.of())).isEmpty();
    assertThat(BoardLine.sparkline(Arrays.asList(null, null))).isEmpty();
  }

  @Test
  void uptimeReadsAsAPercentCutToTwoDecimals() {
    assertThat(BoardLine.percent(0.99934)).isEqualTo("99.93 %");
    assertThat(BoardLine.percent(0.999)).isEqualTo("99.90 %");
    assertThat(BoardLine.percent(0.99999)).as("one failure in 100,000 never reads as 100").isEqualTo("99.99 %");
    assertThat(BoardLine.percent(1.0)).isEqualTo("100 %");
    assertThat(BoardLine.percent(0.0)).isEqualTo("0.00 %");
    assertThat(BoardLine.percent(null)).isEmpty();
  }
}
