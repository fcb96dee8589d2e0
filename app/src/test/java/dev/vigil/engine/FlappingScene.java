package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.Severity;
import dev.vigil.dedupe.Fingerprint;
import dev.vigil.notify.Alarm;
import dev.vigil.notify.NightScene;
import dev.vigil.notify.NightScene.FakeAlarm;
import dev.vigil.notify.NightScene.VirtualClock;
import dev.vigil.notify.Notifier;
import dev.vigil.policy.Policy;
import dev.vigil.state.MonitorTracker;
import dev.vigil.store.HistoryQuery;
import dev.vigil.store.PolicyStore;
import dev.vigil.store.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Issue 15's scene on a virtual clock: a critical service down 8 s and up 8 s for two minutes at night, checked every
 * 2 s (confirm 2, recover 2). The engine's decisions go through the real store (reopen, dedupe), the real change
 * watcher and the real notifier; only the HTTP check is replaced by the scene's answer at each moment.
 */
final class FlappingScene implements AutoCloseable {
  static final String EDGE = "chat-edge";
  static final Duration INTERVAL = Duration.ofSeconds(2);
  final VirtualClock clock = new VirtualClock(NightScene.at("2025-06-10T23:00"));
  final Instant start = clock.instant();
  final FakeAlarm alarm;
  final List<String> desktop = new ArrayList<>();
  final List<String> pages = new ArrayList<>();
  final MonitorTracker tracker = new MonitorTracker(2, 2, INTERVAL, false);
  final SqliteStore store;
  final PolicyStore policyStore;
  final ChangeWatcher watcher;
  final Notifier notifier;
  /** Real time each virtual check step takes (zero: as fast as it goes). */
  Duration pace = Duration.ZERO;

  FlappingScene(Path data, Alarm sound) {
    alarm = new FakeAlarm(sound);
    store = SqliteStore.open(data, clock);
    policyStore = PolicyStore.openMigrated(data);
    Policy policy = Policy.defaults(NightScene.BERLIN).withEscalation(new Policy.Escalation(
        Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofSeconds(30)));
    notifier = NightScene.preset(Notifier.builder(policy, policyStore, clock), alarm, m -> desktop.add(m.title()))
        .confirm(monitor -> CompletableFuture.completedFuture(down(clock.instant())))
        .phone(m -> {
          pages.add(m.title());
          return Optional.empty();
        }, null, null)
        .build();
    watcher = new ChangeWatcher(store, notifier, clock);
    watcher.prime();
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

  void runFor(Duration d, Runnable afterEachCheck) throws InterruptedException {
    Instant end = clock.instant().plus(d);
    while (clock.instant().isBefore(end)) {
      check();
      afterEachCheck.run();
      clock.advance(INTERVAL);
      if (!pace.isZero()) Thread.sleep(pace.toMillis());
    }
  }

  /** Acknowledges (actor tray) the alert the moment it first resolves; true once done. */
  Runnable acknowledgeAtFirstResolve(boolean[] done) {
    return () -> {
      if (done[0]) return;
      Optional<Alert> resolved = store.history(HistoryQuery.latest(1)).items().stream()
          .filter(a -> a.state() == dev.vigil.alert.AlertState.RESOLVED).findFirst();
      if (resolved.isEmpty()) return;
      assertThat(store.acknowledge(resolved.get().id(), "looking", "tray", clock.instant()))
          .as("acknowledging the alert that just resolved is accepted").isPresent();
      done[0] = true;
      watcher.poll();
      assertThat(alarm.sounding).as("the acknowledgement stops the alarm").isFalse();
    };
  }

  Alert theAlert() {
    List<Alert> all = store.history(HistoryQuery.latest(100)).items();
    assertThat(all).as("one incident in the history").hasSize(1);
    return all.get(0);
  }

  List<String> timeline(Alert a) {
    return store.timeline(a.id()).stream().map(AlertEvent::kind).toList();
  }

  @Override
  public void close() {
    notifier.close();
    policyStore.close();
    store.close();
  }
}
