package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertChange.Kind;
import dev.vigil.alert.Severity;
import dev.vigil.policy.OnCall;
import dev.vigil.policy.Policy;
import dev.vigil.policy.OncallSpec;
import dev.vigil.store.PolicyStore;
import dev.vigil.store.SqliteStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A week off call, then a shift handed over on Monday at 09:00 (Berlin), on a virtual clock. The alerts are written to a
 * real SQLite file as the engine writes them, and the hand-off reads what happened since the last one from there.
 */
class HandOffTest extends NightScene {
  SqliteStore alerts;

  HandOffTest() {
    super(at("2026-03-20T12:00"));
  }

  @BeforeEach
  void setUp() {
    alerts = SqliteStore.open(data, clock);
    start();
  }

  /** Vigil starts (again) over the data folder: a new notifier and its own connection, resuming the open alerts. */
  void start() {
    store.close(); // at the first start, the scene's connection; after a stop(), already closed
    store = PolicyStore.openMigrated(data);
    n = builder(Policy.defaults(BERLIN)).build();
    n.onCall(OnCall.rotation(new OncallSpec.Rotation(LocalDateTime.parse("2026-03-23T09:00"), Duration.ofDays(7), Duration.ofDays(21)),
        BERLIN, Map.of()));
    n.resume(alerts.openAlerts(), clock.instant());
  }

  void stop() {
    n.close();
    store.close();
  }

  @AfterEach
  void tearDown() {
    alerts.close();
  }

  /** The engine fires an alert of {@code monitor} now (a new one unless one is open) and tells the notifier. */
  Alert fire(String monitor) {
    Alert a = alerts.transaction(w -> w.fire("fp-" + monitor, monitor, Severity.CRITICAL, "status (503) == 200", Map.of(),
        clock.instant()));
    n.onChange(new AlertChange(Kind.FIRED, a, clock.instant()));
    return a;
  }

  void acknowledge(Alert a) {
    Alert acked = alerts.acknowledge(a.id(), null, "cli", clock.instant()).orElseThrow();
    n.onChange(new AlertChange(Kind.ACKNOWLEDGED, acked, clock.instant()));
  }

  void resolve(Alert a) {
    Alert resolved = alerts.transaction(w -> w.recover(a.fingerprint(), "check passed", clock.instant())).orElseThrow();
    n.onChange(new AlertChange(Kind.RESOLVED, resolved, clock.instant()));
  }

  @Override
  void runUntil(Instant end) {
    runUntil(end, Duration.ofSeconds(30));
  }

  @Test
  void offCallNothingWakesThenTheShiftStartsWithASummaryAndEndsWithAReminder() {
    runUntil(at("2026-03-21T03:00"));
    Alert payments = fire("payments-api");
    Alert search = fire("search");
    acknowledge(search);
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
    resolve(search);
    runUntil(at("2026-03-30T07:59"));
    assertThat(desktop).isEmpty();
    runUntil(at("2026-03-30T08:01"));
    assertThat(desktop).singleElement().satisfies(m -> {
      assertThat(m.title()).isEqualTo("Your shift ends at 09:00");
      assertThat(m.body()).isEqualTo("1 still open: " + payments.monitor());
    });
    runUntil(at("2026-03-30T10:00"));
    assertThat(desktop).hasSize(1);
    assertThat(store.notifications(Instant.EPOCH, 100)).extracting(x -> x.reason()).contains(
        "hand-off: On call now until Mon 09:00; 2 open", "hand-off reminder: shift ends at 09:00; 1 open");
  }

  @Test
  void aRestartMidShiftLosesNothingTheNextHandOffTells() {
    runUntil(at("2026-03-22T12:00"), Duration.ofMinutes(5));
    fire("old-noise"); // before the first hand-off: told then, not at the next one
    runUntil(at("2026-03-22T12:10"));
    desktop.clear();
    runUntil(at("2026-03-23T09:01"));
    assertThat(desktop).extracting(Message::body).singleElement().asString().endsWith("Noisiest: old-noise (1)");
    desktop.clear();

    runUntil(at("2026-03-24T14:00"), Duration.ofMinutes(5));
    Alert db = fire("db");
    resolve(db);
    Alert api = fire("api");
    runUntil(at("2026-03-24T16:00"), Duration.ofMinutes(5));
    fire("db"); // two hours after it resolved: a new incident, not a reopen
    acknowledge(api);

    runUntil(at("2026-03-25T10:00"), Duration.ofMinutes(5));
    stop(); // Vigil restarts in the middle of the shift: nothing above is in the new notifier's memory
    start();
    runUntil(at("2026-03-30T09:00"), Duration.ofMinutes(5));
    desktop.clear();

    runUntil(at("2026-04-13T09:01"), Duration.ofMinutes(5));
    assertThat(desktop).singleElement().satisfies(m -> {
      assertThat(m.title()).isEqualTo("On call now until Mon 09:00");
      assertThat(m.body()).isEqualTo("""
          3 open: db, api, old-noise
          Acknowledged since the last hand-off: api
          Noisiest: db (2), api (1)""");
    });
    assertThat(store.notifications(Instant.EPOCH, 10_000)).extracting(x -> x.reason())
        .filteredOn(r -> r.startsWith("hand-off: ")).containsExactly(
            "hand-off: On call now until Mon 09:00; 1 open", "hand-off: On call now until Mon 09:00; 3 open");
  }
}
