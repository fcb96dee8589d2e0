package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.store.NoiseFacts;
import dev.vigil.store.NoiseFacts.Incident;
import dev.vigil.store.NoiseFacts.Kind;
import dev.vigil.store.NoiseFacts.Noise;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report against a week computed by hand. */
class NoiseReportTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant SINCE = at("2026-11-30T12:00");
  static final Instant UNTIL = at("2026-12-07T12:00");
  final List<Incident> incidents = new ArrayList<>();
  final List<Noise> noises = new ArrayList<>();
  long ids;

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
  }

  long incident(String monitor, String severity, Instant first, Duration length, long count, long reopens, boolean healed) {
    long id = ++ids;
    incidents.add(new Incident(id, monitor, severity, first, first.plus(length), count, reopens, healed));
    return id;
  }

  /**
   * chat-edge (confirm 2) fired 14 times, each waking the person: 12 healed themselves within 3.5 min (6 after one
   * folded failure, 6 after two), 2 were real (20 failures, acknowledged). confirm +1 spares 6 of 12 (under the 9
   * wanted), +2 spares all 12: "confirm 2 -> 4 would have spared 12 alarms". dev-api, a warning resolved by hand each
   * time, fired 30 times. payments-api fired once, healed once: no suggestion.
   */
  NoiseReport.Report week() {
    for (int i = 0; i < 14; i++) {
      Instant t = at("2026-12-01T23:00").plus(Duration.ofHours(8L * i));
      boolean healed = i < 12;
      long id = incident("chat-edge", "critical", t, healed ? Duration.ofSeconds(i == 5 ? 210 : 90) : Duration.ofMinutes(30),
          healed ? (i % 2 == 0 ? 1 : 2) : 20, 0, healed);
      noises.add(new Noise(id, t.plusSeconds(2), Kind.ALARM));
      if (!healed) noises.add(new Noise(id, t.plusSeconds(300), Kind.PAGE));
    }
    for (int i = 0; i < 30; i++) {
      incident("dev-api", "warning", at("2026-12-01T09:00").plus(Duration.ofHours(4L * i)), Duration.ofMinutes(10), 5, 0, false);
    }
    long p = incident("payments-api", "critical", at("2026-12-02T02:00"), Duration.ofMinutes(4), 3, 2, true);
    noises.add(new Noise(p, at("2026-12-02T02:00:05"), Kind.ALARM));
    return NoiseReport.of(new NoiseFacts(incidents, noises), SINCE, UNTIL, BERLIN, Map.of("chat-edge", 2));
  }

  @Test
  void aMonitorThatMostlyHealsItselfGetsTheConfirmThatWouldHaveSparedItsAlarms() {
    NoiseReport.MonitorRow edge = week().monitors().get(0);
    assertThat(edge).isEqualTo(new NoiseReport.MonitorRow("chat-edge", "critical", 14, 0, 0, 12, 14, 2, 1.5,
        "chat-edge self-healed 12 of 14 times within 4 min: confirm 2 -> 4 would have spared 12 alarms"));
  }

  @Test
  void aChattyWarningIsNamedWithHowOftenItFired() {
    NoiseReport.MonitorRow dev = week().monitors().stream().filter(m -> m.monitor().equals("dev-api")).findFirst().orElseThrow();
    assertThat(dev.fires()).isEqualTo(30);
    assertThat(dev.medianMinutes()).isEqualTo(10.0);
    assertThat(dev.suggestion()).isEqualTo("dev-api (warning) fired 30 times this week");
  }

  @Test
  void reopensCountAsFiresAndAFlappingIncidentIsCountedButNotReplayed() {
    NoiseReport.MonitorRow pay = week().monitors().stream().filter(m -> m.monitor().equals("payments-api")).findFirst().orElseThrow();
    assertThat(pay).isEqualTo(new NoiseReport.MonitorRow("payments-api", "critical", 3, 2, 0, 1, 1, 0, 4.0, null));
  }

  @Test
  void eachNightCountsItsAlarmsPagesAndThoseForNothingFromNoonToNoon() {
    List<NoiseReport.Night> nights = week().nights();
    assertThat(nights).extracting(NoiseReport.Night::date).first().isEqualTo(LocalDate.parse("2026-11-30"));
    assertThat(nights).hasSize(7);
    // chat-edge fires every 8 h from 23:00 on 1 Dec. Night of 1 Dec: it at 23:00 and 07:00, payments-api at 02:00, all
    // healed by themselves. Night of 5 Dec: 15:00 (healed), 23:00 and 07:00 (real, paged too).
    assertThat(nights).contains(new NoiseReport.Night(LocalDate.parse("2026-12-01"), 3, 0, 3));
    assertThat(nights).contains(new NoiseReport.Night(LocalDate.parse("2026-12-05"), 3, 2, 1));
    assertThat(nights).last().isEqualTo(new NoiseReport.Night(LocalDate.parse("2026-12-06"), 0, 0, 0));
  }
}
