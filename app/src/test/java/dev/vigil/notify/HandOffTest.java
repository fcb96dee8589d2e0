package dev.vigil.notify;

import static dev.vigil.notify.NightTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertChange.Kind;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.policy.OnCall;
import dev.vigil.policy.Policy;
import dev.vigil.policy.OncallSpec;
import dev.vigil.store.PolicyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A week off call, then a shift handed over on Monday at 09:00 (Berlin), on a virtual clock. */
class HandOffTest {
  @TempDir Path data;
  final List<Message> desktop = Collections.synchronizedList(new ArrayList<>());
  final NightTest.FakeAlarm alarm = new NightTest.FakeAlarm();
  final NightTest.VirtualClock clock = new NightTest.VirtualClock(at("2026-03-20T12:00"));
  PolicyStore store;
  Notifier n;

  @BeforeEach
  void setUp() {
    store = PolicyStore.openMigrated(data);
    n = Notifier.builder(Policy.defaults(NightTest.BERLIN), store, clock)
        .io(Runnable::run)
        .desktop(m -> {
          desktop.add(m);
          return Optional.empty();
        })
        .alarm(alarm)
        .audioCheck(Optional::empty)
        .build();
    n.onCall(OnCall.rotation(new OncallSpec.Rotation(LocalDateTime.parse("2026-03-23T09:00"), Duration.ofDays(7), Duration.ofDays(21)),
        NightTest.BERLIN, Map.of()));
  }

  @AfterEach
  void tearDown() {
    n.close();
    store.close();
  }

  static Alert alert(long id, String monitor, AlertState state) {
    Instant t = at("2026-03-21T03:00");
    return new Alert(id, "fp" + id, monitor, Severity.CRITICAL, state, t, t, null, 1, "status (503) == 200", Map.of(), null);
  }

  void runUntil(Instant end) {
    while (clock.instant().isBefore(end)) {
      clock.advance(Duration.ofSeconds(30));
      n.tick(clock.instant());
    }
  }

  @Test
  void offCallNothingWakesThenTheShiftStartsWithASummaryAndEndsWithAReminder() {
    runUntil(at("2026-03-21T03:00"));
    n.onChange(new AlertChange(Kind.FIRED, alert(1, "payments-api", AlertState.FIRING), clock.instant()));
    n.onChange(new AlertChange(Kind.FIRED, alert(2, "search", AlertState.FIRING), clock.instant()));
    n.onChange(new AlertChange(Kind.ACKNOWLEDGED, alert(2, "search", AlertState.ACKNOWLEDGED), clock.instant()));
    runUntil(at("2026-03-21T03:10"));
    assertThat(alarm.starts).as("off call at 03:00: nothing wakes").isZero();
    assertThat(desktop).as("a notification, no sound; search was acknowledged before its own went out")
        .extracting(Message::title).containsExactly("CRITICAL payments-api");

    desktop.clear();
    runUntil(at("2026-03-23T09:01"));
    assertThat(desktop).singleElement().satisfies(m -> {
      assertThat(m.title()).isEqualTo("On call now until Mon 09:00");
      assertThat(m.body()).isEqualTo("""
          2 open: payments-api, search
          Acknowledged since the last hand-off: search
          Noisiest: payments-api (1), search (1)""");
    });

    desktop.clear();
    n.onChange(new AlertChange(Kind.RESOLVED, alert(2, "search", AlertState.RESOLVED), clock.instant()));
    runUntil(at("2026-03-30T07:59"));
    assertThat(desktop).isEmpty();
    runUntil(at("2026-03-30T08:01"));
    assertThat(desktop).singleElement().satisfies(m -> {
      assertThat(m.title()).isEqualTo("Your shift ends at 09:00");
      assertThat(m.body()).isEqualTo("1 still open: payments-api");
    });
    runUntil(at("2026-03-30T10:00"));
    assertThat(desktop).hasSize(1);
    assertThat(store.notifications(Instant.EPOCH, 100)).extracting(x -> x.reason()).contains(
        "hand-off: On call now until Mon 09:00; 2 open", "hand-off reminder: shift ends at 09:00; 1 open");
  }
}
