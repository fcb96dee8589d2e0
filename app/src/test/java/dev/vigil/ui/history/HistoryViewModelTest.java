package dev.vigil.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.store.MinuteStat;
import dev.vigil.ui.FakeContext;
import dev.vigil.ui.FakeStore;
import dev.vigil.ui.Io;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryViewModelTest {
  FakeStore store = new FakeStore();
  FakeContext ctx;
  HistoryViewModel vm;
  Instant now;

  @BeforeEach
  void setUp() {
    ctx = new FakeContext(store, Path.of("rules"));
    now = ctx.clock().instant();
    for (int i = 1; i <= 450; i++) {
      Instant first = now.minusSeconds(60L * i);
      store.add(new Alert(i, "fp" + i, i % 3 == 0 ? "search" : "payments-api", i % 2 == 0 ? Severity.WARNING : Severity.CRITICAL,
          AlertState.RESOLVED, first, first, first.plusSeconds(600), 1, "status (503) == 200", Map.of(), null));
    }
    vm = new HistoryViewModel(ctx, Io.direct());
  }

  @Test
  void readsOnlyTheFirstPageUntilTheTableAsksForMore() {
    vm.search();
    assertThat(vm.rows()).hasSize(HistoryViewModel.PAGE);
    assertThat(store.historyCalls.get()).isEqualTo(1);
    assertThat(vm.status().get()).isEqualTo("200+ incidents (scroll for more)");
  }

  @Test
  void pagesFollowEachOtherWithoutGapsOrRepeats() {
    vm.search();
    vm.loadMore();
    vm.loadMore();
    vm.loadMore();
    assertThat(vm.rows()).hasSize(450);
    assertThat(vm.rows()).extracting(Alert::id).doesNotHaveDuplicates().first().isEqualTo(1L);
    assertThat(store.historyCalls.get()).isEqualTo(3);
    assertThat(vm.status().get()).isEqualTo("450 incidents");
  }

  @Test
  void filtersGoIntoTheQuery() {
    vm.monitor().set("search");
    vm.severity().set(Severity.WARNING);
    vm.search();
    assertThat(vm.rows()).isNotEmpty().allSatisfy(a -> {
      assertThat(a.monitor()).isEqualTo("search");
      assertThat(a.severity()).isEqualTo(Severity.WARNING);
    });
  }

  @Test
  void mttrCoversTheLoadedIncidents() {
    store.addEvent(new dev.vigil.alert.AlertEvent(1, now.minusSeconds(60).plusSeconds(120), "acknowledged", "on it", "desktop"));
    vm.search();
    assertThat(vm.metrics().get()).isEqualTo("MTTA 2 min (1 acknowledged), MTTR 10 min (200 resolved)");
  }

  @Test
  void eachPageAsksForItsFirstAcknowledgementsOnceAndAddsToTheRunningMetrics() {
    // alert i was first seen i minutes ago; ids 1 (page 1) and 300 (page 2) acknowledged 2 and 6 minutes in
    store.addEvent(new dev.vigil.alert.AlertEvent(1, now.minusSeconds(60).plusSeconds(120), "acknowledged", "on it", "desktop"));
    store.addEvent(new dev.vigil.alert.AlertEvent(1, now.minusSeconds(60).plusSeconds(500), "acknowledged", "again", "cli"));
    store.addEvent(new dev.vigil.alert.AlertEvent(300, now.minusSeconds(60L * 300).plusSeconds(360), "acknowledged", null, "cli"));
    vm.search();
    vm.loadMore();
    vm.loadMore();
    assertThat(store.firstAcknowledgedCalls.get()).isEqualTo(3);
    assertThat(store.timelineCalls.get()).isZero();
    assertThat(vm.metrics().get()).isEqualTo("MTTA 4 min (2 acknowledged), MTTR 10 min (450 resolved)")
        .isEqualTo(IncidentMetrics.of(vm.rows(), java.util.Map.of(1L, now.plusSeconds(60), 300L, now.minusSeconds(60L * 300 - 360))).words());
  }

  @Test
  void aNewSearchStartsTheMetricsAgain() {
    vm.search();
    vm.loadMore();
    vm.monitor().set("search");
    vm.search();
    assertThat(vm.metrics().get()).isEqualTo("MTTA none, MTTR 10 min (" + vm.rows().size() + " resolved)");
  }

  @Test
  void selectingAnIncidentLoadsItsTimelineAndItsMonitorsUptime() {
    store.addStat(new MinuteStat("payments-api", now.minusSeconds(120), 4, 1, 400, 150));
    vm.search();
    vm.selected().set(vm.rows().get(0));
    assertThat(vm.timeline()).extracting(e -> e.kind()).containsExactly("fired");
    assertThat(vm.uptime()).singleElement().satisfies(u -> assertThat(u.percent()).isEqualTo(75.0));
    assertThat(vm.latency()).singleElement().satisfies(p -> assertThat(p[1]).isEqualTo(100.0));
  }

  @Test
  void exportWritesTheLoadedRowsAsCsv(@TempDir Path dir) throws Exception {
    vm.search();
    Path file = dir.resolve("incidents.csv");
    vm.exportCsv(file);
    assertThat(Files.readAllLines(file)).hasSize(201).first().isEqualTo(IncidentExport.CSV_HEADER);
  }
}
