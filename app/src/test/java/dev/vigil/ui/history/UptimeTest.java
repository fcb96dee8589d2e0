package dev.vigil.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.store.MinuteStat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class UptimeTest {
  @Test
  void daysFollowTheUsersZoneNotUtc() {
    List<MinuteStat> stats = List.of(
        new MinuteStat("m", Instant.parse("2026-11-24T22:59:00Z"), 10, 0, 1000, 200),
        new MinuteStat("m", Instant.parse("2026-11-24T23:00:00Z"), 10, 5, 1000, 200),
        new MinuteStat("m", Instant.parse("2026-11-25T10:00:00Z"), 10, 0, 1000, 200));
    assertThat(Uptime.perDay(stats, ZoneId.of("Europe/Berlin"))).containsExactly(
        new Uptime(LocalDate.parse("2026-11-24"), 10, 0), new Uptime(LocalDate.parse("2026-11-25"), 20, 5));
    assertThat(new Uptime(LocalDate.parse("2026-11-25"), 20, 5).percent()).isEqualTo(75.0);
  }

  @Test
  void latencyIsAveragedIntoAtMostTheAskedNumberOfPoints() {
    List<MinuteStat> stats = List.of(
        new MinuteStat("m", Instant.ofEpochSecond(0), 1, 0, 100, 100),
        new MinuteStat("m", Instant.ofEpochSecond(60), 3, 0, 900, 400),
        new MinuteStat("m", Instant.ofEpochSecond(120), 2, 0, 100, 50));
    assertThat(Uptime.latency(stats, 2)).containsExactly(new double[] {0, 250.0}, new double[] {120, 50.0});
  }
}
