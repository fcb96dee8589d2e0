package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.policy.Policy;
import dev.vigil.store.PolicyStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A desktop notification is recorded once: sent when it was shown, failed (with why) when it was not. */
class DesktopDeliveryTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant NOON = LocalDateTime.parse("2025-06-02T12:00").atZone(BERLIN).toInstant();
  @TempDir Path data;

  @Test
  void aFailedDesktopNotificationIsOneFailedLineNotSentThenFailed() {
    List<String> lines = deliver(m -> {
      throw new IOException("no notification service");
    });
    assertThat(lines).containsExactly("desktop failed: warning by day: notification, no sound: no notification service");
  }

  @Test
  void aShownDesktopNotificationIsOneSentLine() {
    assertThat(deliver(m -> Optional.empty())).containsExactly("desktop sent: warning by day: notification, no sound");
  }

  private List<String> deliver(Channel desktop) {
    NightScene.VirtualClock clock = new NightScene.VirtualClock(NOON);
    try (PolicyStore store = PolicyStore.openMigrated(data)) {
      Notifier n = Notifier.builder(Policy.defaults(BERLIN), store, clock)
          .io(Runnable::run)
          .desktop(desktop)
          .alarm(new NightScene.FakeAlarm())
          .audioCheck(Optional::empty)
          .confirm(monitor -> CompletableFuture.completedFuture(true))
          .networkDown(Optional::empty)
          .build();
      Alert a = new Alert(1, "fp1", "search", Severity.WARNING, AlertState.FIRING, NOON, NOON, null, 2, "status (503) == 200", Map.of(), null);
      n.onChange(new AlertChange(AlertChange.Kind.FIRED, a, clock.instant()));
      for (int i = 0; i < 4; i++) {
        clock.advance(Duration.ofSeconds(15));
        n.tick(clock.instant());
      }
      return store.notifications(Instant.EPOCH, 100).stream()
          .map(x -> x.channel() + " " + x.outcome().label() + ": " + x.reason()).toList();
    }
  }
}
