package dev.vigil.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.ExternalAlert;
import dev.vigil.alert.Severity;
import dev.vigil.rules.HeartbeatRule;
import dev.vigil.store.IntakeStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeartbeatWatchTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @TempDir Path dir;
  private IntakeStore store;

  @BeforeEach
  void open() {
    store = IntakeStore.open(dir);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static Instant at(String localBerlin) {
    return LocalDateTime.parse(localBerlin).atZone(BERLIN).toInstant();
  }

  private static HeartbeatRule every(String id, Duration every, Duration grace) {
    return new HeartbeatRule(id, every, null, grace, Severity.WARNING, Map.of("team", "ops"), null);
  }

  private static HeartbeatRule cron(String id, String cron, Duration grace) {
    return new HeartbeatRule(id, null, cron, grace, Severity.CRITICAL, Map.of(), null);
  }

  private HeartbeatWatch watch(HeartbeatRule rule, String start) {
    return new HeartbeatWatch(List.of(rule), store, Clock.fixed(at(start), BERLIN));
  }

  /** Runs the script "ping T" / "check T" and returns what each check said: "-", "fire: summary", "resolve: summary". */
  private static List<String> run(HeartbeatWatch watch, String id, String script) {
    List<String> said = new ArrayList<>();
    for (String step : script.split(";")) {
      String[] parts = step.trim().split(" ", 2);
      Instant t = at(parts[1]);
      if (parts[0].equals("ping")) {
        watch.ping(id, t);
        continue;
      }
      List<ExternalAlert> due = watch.evaluate(t);
      if (due.isEmpty()) said.add("-");
      for (ExternalAlert a : due) said.add((a.resolved() ? "resolve: " : "fire: ") + a.summary());
    }
    return said;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "never pinged: the clock starts when watching begins, not at once"
          + " | check 2026-03-28T00:00:01; check 2026-03-29T00:59:59"
          + " | -; -",
      "never pinged: fires after every + grace from the start"
          + " | check 2026-03-29T01:00:01"
          + " | fire: heartbeat: no ping from nightly-backup since watching began at 2026-03-28 00:00 (expected every 24h, grace 1h)",
      "a ping in time keeps it quiet"
          + " | ping 2026-03-28T03:00; check 2026-03-29T03:59; ping 2026-03-29T03:05; check 2026-03-30T04:04"
          + " | -; -",
      "no ping for every + grace fires, once; 24h are 24 hours across the spring DST change (03:00 CET + 25h = 05:00 CEST)"
          + " | ping 2026-03-28T03:00; check 2026-03-29T04:59:59; check 2026-03-29T05:00:01; check 2026-03-29T06:00"
          + " | -; fire: heartbeat: no ping from nightly-backup since 2026-03-28 03:00 (expected every 24h, grace 1h); -",
      "the next ping resolves it"
          + " | ping 2026-03-28T03:00; check 2026-03-29T05:01; ping 2026-03-29T10:00; check 2026-03-29T10:00:01"
          + " | fire: heartbeat: no ping from nightly-backup since 2026-03-28 03:00 (expected every 24h, grace 1h); resolve: heartbeat: ping from nightly-backup at 10:00",
      "after resolving, the clock runs from that ping"
          + " | ping 2026-03-28T03:00; check 2026-03-29T05:01; ping 2026-03-29T10:00; check 2026-03-29T10:01; check 2026-03-30T10:59; check 2026-03-30T11:01"
          + " | fire: heartbeat: no ping from nightly-backup since 2026-03-28 03:00 (expected every 24h, grace 1h); resolve: heartbeat: ping from nightly-backup at 10:00; -; fire: heartbeat: no ping from nightly-backup since 2026-03-29 10:00 (expected every 24h, grace 1h)",
  })
  void everyTwentyFourHoursGraceOneHour(String intent, String script, String expected) {
    HeartbeatWatch watch = watch(every("nightly-backup", Duration.ofHours(24), Duration.ofHours(1)), "2026-03-28T00:00");
    assertThat(run(watch, "nightly-backup", script)).as(intent).containsExactly(expected.split("; "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "before the first cron time + grace: quiet, even across the spring DST change"
          + " | check 2026-03-29T03:59"
          + " | -",
      "no ping by the first cron time + grace fires"
          + " | check 2026-03-29T04:00:01"
          + " | fire: heartbeat: no ping from nightly-backup since watching began at 2026-03-28 12:00 (expected at cron \"0 3 * * *\", grace 1h)",
      "a ping after the cron time covers that run until the next one"
          + " | ping 2026-03-29T03:10; check 2026-03-30T03:59; check 2026-03-30T04:01"
          + " | -; fire: heartbeat: no ping from nightly-backup since 2026-03-29 03:10 (expected at cron \"0 3 * * *\", grace 1h)",
      "a late run resolves when it pings"
          + " | check 2026-03-29T05:00; ping 2026-03-29T05:30; check 2026-03-29T05:31"
          + " | fire: heartbeat: no ping from nightly-backup since watching began at 2026-03-28 12:00 (expected at cron \"0 3 * * *\", grace 1h); resolve: heartbeat: ping from nightly-backup at 05:30",
  })
  void cronAtThreeGraceOneHour(String intent, String script, String expected) {
    HeartbeatWatch watch = watch(cron("nightly-backup", "0 3 * * *", Duration.ofHours(1)), "2026-03-28T12:00");
    assertThat(run(watch, "nightly-backup", script)).as(intent).containsExactly(expected.split("; "));
  }

  @Test
  void aFiringAlertCarriesTheHeartbeatsFingerprintSeverityAndLabels() {
    HeartbeatWatch watch = watch(every("sync", Duration.ofMinutes(5), Duration.ofMinutes(1)), "2026-03-28T00:00");
    ExternalAlert alert = watch.evaluate(at("2026-03-28T00:06:01")).get(0);
    assertThat(alert.fingerprint()).isEqualTo("heartbeat:sync");
    assertThat(alert.monitor()).isEqualTo("sync");
    assertThat(alert.severity()).isEqualTo(Severity.WARNING);
    assertThat(alert.labels()).containsEntry("team", "ops").containsEntry("heartbeat", "sync");
    assertThat(alert.source()).isEqualTo("heartbeat");
    assertThat(alert.summary()).isEqualTo("heartbeat: no ping from sync since watching began at 00:00 (expected every 5m, grace 1m)");
  }

  @Test
  void aRestartRemembersTheLastPingAndThatItAlreadyFired() {
    HeartbeatRule rule = every("nightly-backup", Duration.ofHours(24), Duration.ofHours(1));
    HeartbeatWatch before = watch(rule, "2026-03-28T00:00");
    before.ping("nightly-backup", at("2026-03-28T03:00"));
    assertThat(before.evaluate(at("2026-03-29T05:01"))).hasSize(1);

    HeartbeatWatch after = watch(rule, "2026-03-29T06:00");
    assertThat(after.evaluate(at("2026-03-29T06:00:01"))).as("already down: no second alert").isEmpty();
    after.ping("nightly-backup", at("2026-03-29T07:00"));
    assertThat(after.evaluate(at("2026-03-29T07:00:01"))).extracting(ExternalAlert::resolved).containsExactly(true);

    HeartbeatWatch again = watch(rule, "2026-03-30T00:00");
    assertThat(again.deadline("nightly-backup")).hasValue(at("2026-03-30T08:00"));
  }

  @Test
  void aHeartbeatRemovedFromTheRulesWhileDownResolves() {
    HeartbeatWatch before = watch(every("old-job", Duration.ofMinutes(5), Duration.ZERO), "2026-03-28T00:00");
    assertThat(before.evaluate(at("2026-03-28T00:06"))).extracting(ExternalAlert::resolved).containsExactly(false);

    HeartbeatWatch after = watch(every("new-job", Duration.ofHours(1), Duration.ZERO), "2026-03-28T00:07");
    List<ExternalAlert> due = after.evaluate(at("2026-03-28T00:07"));
    assertThat(due).extracting(ExternalAlert::fingerprint, ExternalAlert::resolved, ExternalAlert::summary)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("heartbeat:old-job", true, "heartbeat: old-job is no longer in the rules"));
    assertThat(after.evaluate(at("2026-03-28T00:08"))).isEmpty();
  }

  @Test
  void aPingForAnUnknownHeartbeatIsRefused() {
    HeartbeatWatch watch = watch(every("a", Duration.ofMinutes(1), Duration.ZERO), "2026-03-28T00:00");
    assertThat(watch.ping("b", at("2026-03-28T00:00"))).isFalse();
    assertThat(watch.ping("a", at("2026-03-28T00:00"))).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"PT24H, 24h", "PT1H, 1h", "PT90M, 1h30m", "PT30S, 30s", "PT0.5S, 500ms", "PT0S, 0s", "P2D, 48h"})
  void showsDurationsAsWrittenInRules(Duration d, String shown) {
    assertThat(HeartbeatWatch.format(d)).isEqualTo(shown);
  }

  @Test
  void aHeartbeatThatCannotBeEvaluatedDoesNotStopTheOthers() {
    // Rules refuse such a value now (durations are at most 365d); the watch must still keep the others going.
    HeartbeatRule broken = every("broken", Duration.ofDays(99_999_999_999_999L), Duration.ZERO);
    HeartbeatRule backup = every("backup", Duration.ofHours(1), Duration.ZERO);
    HeartbeatWatch watch = new HeartbeatWatch(List.of(broken, backup), store, Clock.fixed(at("2026-11-24T10:00"), BERLIN));

    List<ExternalAlert> due = watch.evaluate(at("2026-11-24T11:01"));

    assertThat(due).extracting(ExternalAlert::monitor).containsExactly("backup");
    assertThat(watch.evaluate(at("2026-11-24T11:02"))).isEmpty();
  }
}
