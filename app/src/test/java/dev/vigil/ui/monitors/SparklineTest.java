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
  void barsRunFromTheHoursLowestToItsHighestWithGapsForMinutesWithoutChecks() {
    List<Long> hour = new ArrayList<>(Collections.nCopies(60, (Long) null));
    hour.set(0, 10L);
    hour.set(1, 30L); // one bar: 20
    hour.set(2, 20L);
    hour.set(58, 90L);
    hour.set(59, 90L);
    String line = MonitorsViewModel.sparkline(hour);
    assertThat(line).hasSize(30);
    assertThat(line).isEqualTo("▁▁" + " ".repeat(27) + "█");
  }

  @Test
  void aSteadyHourIsFlatAndAnEmptyOneIsBlank() {
    assertThat(MonitorsViewModel.sparkline(Arrays.asList(5L, 5L, 5L, 5L))).isEqualTo("▁▁");
    assertThat(MonitorsViewModel.sparkline(List.of())).isEmpty();
    assertThat(MonitorsViewModel.sparkline(Arrays.asList(null, null))).isEmpty();
  }

  @Test
  void uptimeReadsAsAPercentWithTwoDecimals() {
    assertThat(MonitorsViewModel.percent(0.99934)).isEqualTo("99.93 %");
    assertThat(MonitorsViewModel.percent(null)).isEmpty();
  }
}
