package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.dedupe.Fingerprint;
import dev.vigil.notify.Alarm;
import dev.vigil.notify.Message;
import dev.vigil.notify.Notifier;
import dev.vigil.policy.Policy;
import dev.vigil.state.MonitorTracker;
import dev.vigil.store.HistoryQuery;
import dev.vigil.store.PolicyStore;
import dev.vigil.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's scene on a virtual clock: a critical service down 8 s and up 8 s for two minutes at night, checked every
 * 2 s (confirm 2, recover 2). The engine's decisions go through the real store (reopen, dedupe), the real change
 * watcher and the real notifier; only the HTTP check is replaced by the scene's answer at each moment.
 */
class FlappingNightTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String EDGE = "chat-edge";
  static final Duration INTERVAL = Duration.ofSeconds(2);
  @TempDir Path data;
  final VirtualClock clock = new VirtualClock(LocalDateTime.parse("2025-06-10T23:00").atZone(BERLIN).toInstant());
  final Instant start = clock.instant();
  final CountingAlarm alarm = new CountingAlarm();
  final List<String> desktop = new ArrayList<>();
  final List<String> pages = new ArrayList<>();
  final MonitorTracker tracker = new MonitorTracker(2, 2, INTERVAL, false);
  SqliteStore store;
  PolicyStore policyStore;
  ChangeWatcher watcher;
  Notifier notifier;

  @BeforeEach
  void setUp() {
    store = SqliteStore.open(data, clock);
    policyStore = PolicyStore.openMigrated(data);
    Policy policy = Policy.defaults(BERLIN).withEscalation(new Policy.Escalation(
        Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofSeconds(30)));
    notifier = Notifier.builder(policy, policyStore, clock)
        .io(Runnable::run)
        .desktop(m -> {
          desktop.add(m.title());
          return Optional.empty();
        })
        .alarm(alarm)
        .audioCheck(Optional::empty)
        .confirm(monitor -> CompletableFuture.completedFuture(down(clock.instant())))
        .phone(m -> {
          pages.add(m.title());
          return Optional.empty();
        }, null, null)
        .build();
    watcher = new ChangeWatcher(store, notifier, clock);
    watcher.prime();
  }

  @AfterEach
  void tearDown() {
    notifier.close();
    policyStore.close();
    store.close();
  }

  /** Down 8 s, up 8 s, for the first two minutes; up after. */
  boolean down(Instant t) {
    long s = Duration.between(start, t).toSeconds();
    return s < 120 && s % 16 < 8;
  }

  /** One check as the engine's pipeline decides and commits it, then what a running Vigil does each second. */
  void check() {
    Instant at = clock.instant();
    boolean passed = !down(at);
    MonitorTracker.Step step = tracker.observe(passed);
    String fp = Fingerprint.ofMonitor(EDGE);
    store.transaction(tx -> {
      tx.recordCheck(EDGE, at, passed, Duration.ofMillis(20));
      switch (step.transition()) {
        case FIRE -> tx.fire(fp, EDGE, Severity.CRITICAL, "status: status (503) == 200", Map.of(), at);
        case REPEAT -> tx.fold(fp, "status: status (503) == 200", at);
        case RECOVER -> tx.recover(fp, "recovered: status (200) == 200", at);
        default -> {}
      }
      return null;
    });
    notifier.observeCheck(EDGE, passed, at);
    watcher.poll();
    notifier.tick(at);
  }

  void runFor(Duration d, Runnable afterEachCheck) {
    Instant end = clock.instant().plus(d);
    while (clock.instant().isBefore(end)) {
      check();
      afterEachCheck.run();
      clock.advance(INTERVAL);
    }
  }

  Alert theAlert() {
    List<Alert> all = store.history(HistoryQuery.latest(100)).items();
    assertThat(all).as("one incident in the history").hasSize(1);
    return all.get(0);
  }

  List<String> timeline(Alert a) {
    return store.timeline(a.id()).stream().map(AlertEvent::kind).toList();
  }

  @Test
  void acknowledgedAsTheFirstAlertResolvesTheFlappingServiceWakesOnceAndIsSilentAfter() {
    boolean[] acked = {false};
    runFor(Duration.ofMinutes(3), () -> {
      Optional<Alert> resolved = store.history(HistoryQuery.latest(1)).items().stream()
          .filter(a -> a.state() == AlertState.RESOLVED).findFirst();
      if (!acked[0] && resolved.isPresent()) {
        assertThat(store.acknowledge(resolved.get().id(), "looking", "tray", clock.instant()))
            .as("acknowledging the alert that just resolved is accepted").isPresent();
        acked[0] = true;
        watcher.poll();
        assertThat(alarm.sounding).as("the acknowledgement stops the alarm").isFalse();
      }
    });

    assertThat(alarm.starts).as("woken at most once").isEqualTo(1);
    assertThat(alarm.sounding).isFalse();
    assertThat(pages).isEmpty();
    Alert a = theAlert();
    assertThat(a.reopens()).isEqualTo(7);
    assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(timeline(a)).startsWith("fired", "resolved", "acknowledged", "reopened", "resolved", "reopened")
        .doesNotContain("snooze ended").endsWith("reopened", "resolved");
    assertThat(desktop).contains("chat-edge is flapping");
    assertThat(policyStore.notifications(Instant.EPOCH, 1000)).extracting(n -> n.reason())
        .contains("reopened (1), acknowledged before: no noise", "chat-edge flapping: reopened 3 times within 30m; acknowledged: no alarm");
  }

  @Test
  void unacknowledgedTheFlappingServiceMakesOneContinuousAlarmThenOneNoticeWithItsFinalState() {
    List<Boolean> soundingAfterFirstAlarm = new ArrayList<>();
    runFor(Duration.ofMinutes(4), () -> {
      if (alarm.starts > 0) soundingAfterFirstAlarm.add(alarm.sounding);
    });

    Alert a = theAlert();
    assertThat(a.reopens()).isEqualTo(7);
    assertThat(alarm.starts).as("one alarm, never restarted at a re-fire").isEqualTo(1);
    int stoppedAt = soundingAfterFirstAlarm.indexOf(false);
    assertThat(soundingAfterFirstAlarm.subList(0, stoppedAt)).as("no resolve during flapping stopped it").doesNotContain(false);
    assertThat(soundingAfterFirstAlarm.subList(stoppedAt, soundingAfterFirstAlarm.size())).doesNotContain(true);
    assertThat(alarm.stops).isEqualTo(1);
    assertThat(pages).as("the ladder went on from the first alarm: one page, not one per re-fire").hasSize(1);
    assertThat(desktop).as("the alarm's own notification, then one notice each way").containsExactly("CRITICAL chat-edge", "chat-edge is flapping", "chat-edge stopped flapping: up");
    assertThat(policyStore.notifications(Instant.EPOCH, 1000)).extracting(n -> n.channel() + " " + n.reason())
        .contains("ladder reopened (1): the same alarm goes on, not restarted", "ladder alarm stopped: chat-edge settled up")
        .filteredOn(r -> r.startsWith("ladder alarm:")).hasSize(1);
  }

  @Test
  void aFireLongAfterTheLastResolveOpensANewIncident() {
    runFor(Duration.ofSeconds(12), () -> {}); // fired at 2 s, resolved at 10 s
    clock.advance(Duration.ofMinutes(31));
    Instant later = clock.instant();
    store.transaction(tx -> tx.fire(Fingerprint.ofMonitor(EDGE), EDGE, Severity.CRITICAL, "down again", Map.of(), later));
    List<Alert> all = store.history(HistoryQuery.latest(10)).items();
    assertThat(all).extracting(Alert::reopens).containsExactly(0L, 0L);
    assertThat(all).hasSize(2);
  }

  static final class CountingAlarm implements Alarm {
    boolean sounding;
    int starts;
    int stops;

    @Override
    public void chime() {}

    @Override
    public void start(Duration rampUp) {
      if (!sounding) starts++;
      sounding = true;
    }

    @Override
    public void stop() {
      if (sounding) stops++;
      sounding = false;
    }

    @Override
    public boolean isSounding() {
      return sounding;
    }
  }

  static final class VirtualClock extends Clock {
    private Instant now;

    VirtualClock(Instant start) {
      now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return BERLIN;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
