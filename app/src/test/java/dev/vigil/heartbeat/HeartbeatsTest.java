package dev.vigil.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.Alert;
import dev.vigil.alert.Severity;
import dev.vigil.rules.HeartbeatRule;
import dev.vigil.source.MemoryVigil;
import dev.vigil.store.IntakeStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatsTest {
  @TempDir Path dir;

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    volatile Instant now;

    HandClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aMissedHeartbeatFiresWithinASecondAndItsNextPingResolvesItBeforeAnswering() {
    HandClock clock = new HandClock(Instant.parse("2026-03-28T00:00:00Z"));
    MemoryVigil vigil = new MemoryVigil();
    HeartbeatRule rule = new HeartbeatRule("sync", Duration.ofMinutes(5), null, Duration.ofMinutes(1), Severity.CRITICAL, Map.of(), null);
    try (IntakeStore store = IntakeStore.open(dir);
        Heartbeats heartbeats = Heartbeats.start(List.of(rule), store, vigil, clock)) {
      clock.now = clock.now.plus(Duration.ofMinutes(6)).plusSeconds(1);
      await().atMost(Duration.ofSeconds(3)).until(() -> !vigil.openAlerts().isEmpty());
      Alert alert = vigil.openAlerts().get(0);
      assertThat(alert.fingerprint()).isEqualTo("heartbeat:sync");
      assertThat(alert.summary()).isEqualTo("heartbeat: no ping from sync since watching began at 00:00 (expected every 5m, grace 1m)");

      assertThat(heartbeats.ping("sync", clock.now)).isTrue();
      assertThat(vigil.openAlerts()).as("resolved before the ping returned").isEmpty();
      assertThat(heartbeats.ping("other", clock.now)).isFalse();
    }
  }
}
