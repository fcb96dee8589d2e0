package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.Severity;
import dev.vigil.store.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the change watcher says an alarm may ring: the engine then looks for other processes' acknowledgements often. */
class ChangeWatcherTest {
  @TempDir Path data;

  @Test
  void anAlarmMayRingWhileAnAlertFiresAndForTenMinutesAfterOneResolvedNotOtherwise() {
    dev.vigil.notify.NightScene.VirtualClock clock = new dev.vigil.notify.NightScene.VirtualClock(Instant.parse("2025-06-10T23:00:00Z"));
    List<AlertChange.Kind> published = new ArrayList<>();
    try (SqliteStore store = SqliteStore.open(data, clock)) {
      ChangeWatcher watcher = new ChangeWatcher(store, change -> published.add(change.kind()), clock);
      watcher.prime();
      assertThat(watcher.firing()).as("nothing open").isFalse();

      Alert api = store.transaction(tx -> tx.fire("fp-api", "api", Severity.CRITICAL, "status (503) == 200", Map.of(), clock.instant()));
      watcher.poll();
      assertThat(watcher.firing()).as("an alert fires").isTrue();

      store.acknowledge(api.id(), "looking", "cli", clock.instant());
      watcher.poll();
      assertThat(published).containsExactly(AlertChange.Kind.FIRED, AlertChange.Kind.ACKNOWLEDGED);
      assertThat(watcher.firing()).as("acknowledged: nothing rings").isFalse();

      store.transaction(tx -> tx.fire("fp-db", "db", Severity.CRITICAL, "connect: refused", Map.of(), clock.instant()));
      watcher.poll();
      clock.advance(Duration.ofMinutes(1));
      store.transaction(tx -> tx.recover("fp-db", "recovered", clock.instant()));
      watcher.poll();
      assertThat(published).endsWith(AlertChange.Kind.FIRED, AlertChange.Kind.RESOLVED);
      assertThat(watcher.firing()).as("just resolved: a flapping alert's ladder may still sound").isTrue();

      clock.advance(ChangeWatcher.LADDER_AFTER_RESOLVE.minusSeconds(1));
      assertThat(watcher.firing()).isTrue();
      clock.advance(Duration.ofSeconds(1));
      assertThat(watcher.firing()).as("ten minutes after the resolve, with only an acknowledged alert open").isFalse();
    }
  }
}
