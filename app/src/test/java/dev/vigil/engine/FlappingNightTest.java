package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.dedupe.Fingerprint;
import dev.vigil.notify.Alarm;
import dev.vigil.store.HistoryQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15's scene ({@link FlappingScene}) with the alarm counted; {@code FlappingSoundTest} plays it for real. */
class FlappingNightTest {
  @TempDir Path data;
  FlappingScene scene;

  @BeforeEach
  void setUp() {
    scene = new FlappingScene(data, Alarm.SILENT);
  }

  @AfterEach
  void tearDown() {
    scene.close();
  }

  @Test
  void acknowledgedAsTheFirstAlertResolvesTheFlappingServiceWakesOnceAndIsSilentAfter() throws Exception {
    boolean[] acked = {false};
    scene.runFor(Duration.ofMinutes(3), scene.acknowledgeAtFirstResolve(acked));

    assertThat(acked[0]).isTrue();
    assertThat(scene.alarm.starts).as("woken at most once").isEqualTo(1);
    assertThat(scene.alarm.sounding).isFalse();
    assertThat(scene.pages).isEmpty();
    Alert a = scene.theAlert();
    assertThat(a.reopens()).isEqualTo(7);
    assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(scene.timeline(a)).startsWith("fired", "resolved", "acknowledged", "reopened", "resolved", "reopened")
        .doesNotContain("snooze ended").endsWith("reopened", "resolved");
    assertThat(scene.desktop).contains("chat-edge is flapping");
    assertThat(scene.policyStore.notifications(Instant.EPOCH, 1000)).extracting(n -> n.reason())
        .contains("reopened (1), acknowledged before: no noise", "chat-edge flapping: reopened 3 times within 30m; acknowledged: no alarm");
  }

  @Test
  void unacknowledgedTheFlappingServiceMakesOneContinuousAlarmThenOneNoticeWithItsFinalState() throws Exception {
    List<Boolean> soundingAfterFirstAlarm = new ArrayList<>();
    scene.runFor(Duration.ofMinutes(4), () -> {
      if (scene.alarm.starts > 0) soundingAfterFirstAlarm.add(scene.alarm.sounding);
    });

    Alert a = scene.theAlert();
    assertThat(a.reopens()).isEqualTo(7);
    assertThat(scene.alarm.starts).as("one alarm, never restarted at a re-fire").isEqualTo(1);
    int stoppedAt = soundingAfterFirstAlarm.indexOf(false);
    assertThat(soundingAfterFirstAlarm.subList(0, stoppedAt)).as("no resolve during flapping stopped it").doesNotContain(false);
    assertThat(soundingAfterFirstAlarm.subList(stoppedAt, soundingAfterFirstAlarm.size())).doesNotContain(true);
    assertThat(scene.alarm.stops).isEqualTo(1);
    assertThat(scene.pages).as("the ladder went on from the first alarm: one page, not one per re-fire").hasSize(1);
    assertThat(scene.desktop).as("the alarm's own notification, then one notice each way")
        .containsExactly("CRITICAL chat-edge", "chat-edge is flapping", "chat-edge stopped flapping: up");
    assertThat(scene.policyStore.notifications(Instant.EPOCH, 1000)).extracting(n -> n.channel() + " " + n.reason())
        .contains("ladder reopened (1): the same alarm goes on, not restarted", "ladder alarm stopped: chat-edge settled up")
        .filteredOn(r -> r.startsWith("ladder alarm:")).hasSize(1);
  }

  @Test
  void aFireLongAfterTheLastResolveOpensANewIncident() throws Exception {
    scene.runFor(Duration.ofSeconds(12), () -> {}); // fired at 2 s, resolved at 10 s
    scene.clock.advance(Duration.ofMinutes(31));
    Instant later = scene.clock.instant();
    scene.store.transaction(tx -> tx.fire(Fingerprint.ofMonitor(FlappingScene.EDGE), FlappingScene.EDGE, Severity.CRITICAL,
        "down again", Map.of(), later));
    List<Alert> all = scene.store.history(HistoryQuery.latest(10)).items();
    assertThat(all).extracting(Alert::reopens).containsExactly(0L, 0L);
  }
}
