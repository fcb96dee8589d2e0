package dev.vigil.ui.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.ui.AlertFeed;
import dev.vigil.ui.FakeContext;
import dev.vigil.ui.FakeStore;
import dev.vigil.ui.Io;
import dev.vigil.ui.Samples;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboxViewModelTest {
  FakeStore store;
  FakeContext ctx;
  AlertFeed feed;
  InboxViewModel vm;

  @BeforeEach
  void setUp() {
    store = new FakeStore()
        .add(Samples.alert(1, "disk-space", Severity.WARNING, AlertState.FIRING))
        .add(Samples.alert(2, "payments-api", Severity.CRITICAL, AlertState.FIRING))
        .add(Samples.alert(3, "search", Severity.CRITICAL, AlertState.ACKNOWLEDGED));
    ctx = new FakeContext(store, Path.of("rules"));
    feed = new AlertFeed(ctx, Io.direct());
    vm = new InboxViewModel(ctx, Io.direct(), feed);
    feed.tick();
  }

  @Test
  void showsFiringCriticalFirstThenWarningsThenAcknowledged() {
    assertThat(vm.rows()).extracting(AlertRow::monitor).containsExactly("payments-api", "disk-space", "search");
  }

  @Test
  void aRowSaysSinceWhenHowOftenAndWhyItRings() {
    AlertRow row = vm.rows().get(0);
    assertThat(row.since()).isEqualTo("since 02:14 (37 min)");
    assertThat(row.count()).isEqualTo("3 times");
    assertThat(row.lastFailure()).isEqualTo("status: status (503) == 200");
    assertThat(row.noise()).isEqualTo("Overnight: critical wakes you (alarm)");
    assertThat(vm.status().get()).isEqualTo("3 open, 2 firing");
  }

  @Test
  void acknowledgingWritesTheNoteToTheStoreAndRefreshes() {
    vm.acknowledge(vm.rows().get(0), "  looking into it ");
    feed.tick();
    assertThat(store.find(2).orElseThrow().state()).isEqualTo(AlertState.ACKNOWLEDGED);
    assertThat(store.timeline(2)).last().satisfies(e -> {
      assertThat(e.note()).isEqualTo("looking into it");
      assertThat(e.actor()).isEqualTo("desktop");
    });
    assertThat(vm.rows().get(0).noise()).isEqualTo("Overnight: warning waits for the morning digest at 08:00");
    assertThat(vm.message().get()).isEqualTo("Acknowledged payments-api");
  }

  @Test
  void acknowledgeAllAcknowledgesEveryFiringAlert() {
    vm.acknowledgeAll();
    assertThat(store.openAlerts()).allSatisfy(a -> assertThat(a.state()).isEqualTo(AlertState.ACKNOWLEDGED));
    assertThat(vm.message().get()).isEqualTo("Acknowledged 2 alerts");
  }

  @Test
  void snoozingUntilMorningEndsAtEightLocalTime() {
    vm.snooze(vm.rows().get(0), SnoozeChoice.UNTIL_MORNING);
    assertThat(store.find(2).orElseThrow().snoozedUntil()).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
    feed.tick();
    assertThat(vm.rows()).filteredOn(r -> r.id() == 2).first().extracting(AlertRow::noise).isEqualTo("Snoozed until 08:00: silent");
  }

  @Test
  void resolvingRemovesTheAlertFromTheInbox() {
    vm.resolve(vm.rows().get(1), null);
    feed.tick();
    assertThat(vm.rows()).extracting(AlertRow::monitor).containsExactly("payments-api", "search");
  }

  @Test
  void theFilterMatchesMonitorAndSummary() {
    vm.filter().set("DISK");
    assertThat(vm.rows()).extracting(AlertRow::monitor).containsExactly("disk-space");
  }
}
