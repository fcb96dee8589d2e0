package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The notifier's timer outlives a tick that fails: a dead timer would never ring a ladder again. */
class TickTimerTest {
  @Test
  void aTickThatThrowsDoesNotEndTheTimer() {
    AtomicInteger ticks = new AtomicInteger();
    try (TickTimer timer = new TickTimer("test-timer", () -> {
      if (ticks.incrementAndGet() <= 2) throw new AssertionError("a bug in one tick"); // an Error, not only an exception
    }, () -> true)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() >= 3);
    }
    assertThat(ticks.get()).isGreaterThanOrEqualTo(3);
  }
}
