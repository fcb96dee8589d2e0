package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast write path (alerts built from what was bound, events written in bulk) says what the rows say. */
class EngineWritePathTest {
  static final Instant AT = Instant.parse("2026-11-25T03:00:00.123456789Z");

  @TempDir Path dir;
  SqliteStore store;

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir, Clock.fixed(AT, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void theAlertAFireReturnsIsTheAlertTheStoreReadsBack() {
    Alert fired = store.transaction(tx -> tx.fire("fp", "payments", Severity.CRITICAL, "status: status (503) == 200",
        Map.of("team", "payments", "url", "http://127.0.0.1/svc/payments"), AT));
    assertThat(fired).isEqualTo(store.find(fired.id()).orElseThrow());
    assertThat(fired.firstSeen()).isEqualTo(Instant.parse("2026-11-25T03:00:00.123Z"));
  }

  @Test
  void aFireFoldedIntoAnOpenAlertReturnsTheStoredRow() {
    store.transaction(tx -> tx.fire("fp", "payments", Severity.CRITICAL, "first", Map.of(), AT));
    Alert folded = store.transaction(tx -> tx.fire("fp", "payments", Severity.CRITICAL, "second", Map.of(), AT.plusSeconds(30)));
    assertThat(folded.count()).isEqualTo(2);
    assertThat(folded).isEqualTo(store.find(folded.id()).orElseThrow());
    assertThat(store.timeline(folded.id())).extracting(AlertEvent::kind).containsExactly("fired");
  }

  @Test
  void eventsOfOneTransactionAreAllWrittenInTheOrderTheyCameAcrossBulkInserts() {
    int alerts = Alerts.EVENTS_PER_INSERT * 2 + 7;
    List<Alert> fired = store.transaction(tx -> {
      List<Alert> out = new ArrayList<>();
      for (int i = 0; i < alerts; i++) out.add(tx.fire("fp" + i, "m" + i, Severity.WARNING, "down", Map.of(), AT));
      for (int i = 0; i < alerts; i += 2) tx.recover("fp" + i, "recovered: ok", AT);
      return out;
    });
    for (int i = 0; i < alerts; i++) {
      List<String> kinds = store.timeline(fired.get(i).id()).stream().map(AlertEvent::kind).toList();
      assertThat(kinds).as("alert %d", i).isEqualTo(i % 2 == 0 ? List.of("fired", "resolved") : List.of("fired"));
    }
  }

  @Test
  void aMonitorAddedInARolledBackTransactionIsNotRememberedUnderAnIdAnotherMonitorGets() {
    java.time.Duration ms = java.time.Duration.ofMillis(12);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.transaction(tx -> {
      tx.recordCheck("orders", AT, true, ms);
      throw new IllegalStateException("disk gone");
    })).hasMessage("disk gone");
    store.transaction(tx -> {
      tx.recordCheck("payments", AT, false, ms); // takes the id the rolled-back "orders" had
      return null;
    });
    store.transaction(tx -> {
      tx.recordCheck("orders", AT, true, ms);
      tx.recordCheck("orders", AT.plusSeconds(1), true, ms);
      return null;
    });

    Instant from = AT.minusSeconds(60);
    Instant to = AT.plusSeconds(60);
    assertThat(store.checkStats("payments", from, to)).extracting(MinuteStat::checks, MinuteStat::failures)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1));
    assertThat(store.checkStats("orders", from, to)).extracting(MinuteStat::checks, MinuteStat::failures)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 0));
  }
}
