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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
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
  void showsTheNoiseOfTheRangeWithTheNoisiestMonitorsAndSuggestions() {
    List<dev.vigil.store.NoiseFacts.Incident> incidents = new ArrayList<>();
    List<dev.vigil.store.NoiseFacts.Noise> noises = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Instant t = now.minusSeconds(3600L * (i + 1));
      incidents.add(new dev.vigil.store.NoiseFacts.Incident(1000 + i, "chat-edge", "critical", t, t.plusSeconds(90), 1, i == 0 ? 2 : 0, i < 3));
      noises.add(new dev.vigil.store.NoiseFacts.Noise(1000 + i, t.plusSeconds(2), dev.vigil.store.NoiseFacts.Kind.ALARM));
    }
    store.noise = new dev.vigil.store.NoiseFacts(incidents, noises);

    vm.search();

    assertThat(vm.noise().get()).startsWith("Noise: 4 alarms and 0 pages over ")
        .contains(" nights, 3 for nothing (healed before anyone acknowledged)\n"
            + "Noisiest: chat-edge (4 alarms, 3 of 4 self-healed, 2 reopens)\n"
            + "Suggestion: chat-edge self-healed 3 of 4 times within 2 min: confirm +1 would have spared 2 alarms");
    assertThat(vm.nights()).as("each night of the range, newest first").isNotEmpty();
    assertThat(vm.nights()).extracting(n -> n.date()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(vm.nights().stream().mapToInt(n -> n.alarms()).sum()).isEqualTo(4);
    assertThat(vm.nights().stream().mapToInt(n -> n.wokenForNothing()).sum()).isEqualTo(3);
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
  void exportWritesEveryIncidentOfTheSelectedRangeNotOnlyTheRowsInTheTable(@TempDir Path dir) throws Exception {
    addOlder(1000); // 1,450 incidents: more than the window
    vm.monitor().set("payments-api");
    vm.search();
    for (int i = 0; i < 8; i++) vm.loadMore();
    assertThat(vm.rows().size()).isLessThanOrEqualTo(HistoryViewModel.WINDOW);
    assertThat(vm.rows().get(0).id()).isNotEqualTo(1L); // the newest rows left the window
    Path file = dir.resolve("incidents.csv");
    vm.exportCsv(file);
    List<String> lines = Files.readAllLines(file);
    long expected = store.history(dev.vigil.store.HistoryQuery.latest(10_000)).items().stream()
        .filter(a -> a.monitor().equals("payments-api")).count();
    assertThat(lines).hasSize((int) expected + 1).first().isEqualTo(IncidentExport.CSV_HEADER);
    assertThat(lines.get(1)).startsWith("1,payments-api,");
    assertThat(vm.status().get()).isEqualTo("Exported " + String.format("%,d", expected) + " incidents to incidents.csv");
  }

  @Test
  void scrollingDownFarAndBackUpShowsEveryRowInOrderOnceWithNoMoreThanTheWindowInTheList() {
    addOlder(2000); // ids 1..2450, id 1 the newest
    List<Integer> sizes = new ArrayList<>();
    vm.rows().addListener((ListChangeListener<Alert>) c -> sizes.add(vm.rows().size()));
    vm.search();
    List<Long> seenDown = new ArrayList<>(ids());
    while (vm.status().get().endsWith("(scroll for more)")) {
      long last = vm.rows().get(vm.rows().size() - 1).id();
      vm.loadMore();
      assertContiguous();
      ids().stream().filter(id -> id > last).forEach(seenDown::add);
    }
    assertThat(seenDown).isEqualTo(range(1, 2450));
    assertThat(vm.rows().get(vm.rows().size() - 1).id()).isEqualTo(2450L);
    List<Long> seenUp = new ArrayList<>(ids());
    for (int i = 0; i < 20 && vm.rows().get(0).id() != 1L; i++) {
      long first = vm.rows().get(0).id();
      vm.loadAbove();
      assertContiguous();
      seenUp.addAll(0, ids().stream().filter(id -> id < first).toList());
    }
    assertThat(seenUp).isEqualTo(range(1, 2450));
    assertThat(sizes).isNotEmpty().allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(HistoryViewModel.WINDOW));
    vm.loadAbove(); // nothing above the newest row: no read
    long calls = store.historyCalls.get();
    vm.loadAbove();
    assertThat(store.historyCalls.get()).isEqualTo(calls);
  }

  @Test
  void rowsDroppedFromTheWindowAndReadAgainCountOnceInTheMetricsAndTheTotal() {
    addOlder(1000);
    store.addEvent(new dev.vigil.alert.AlertEvent(1, now.minusSeconds(60).plusSeconds(120), "acknowledged", "on it", "desktop"));
    vm.search();
    for (int i = 0; i < 10; i++) vm.loadMore();
    String atTheEnd = vm.metrics().get();
    assertThat(vm.status().get()).isEqualTo("1,450 incidents");
    for (int i = 0; i < 10; i++) vm.loadAbove();
    for (int i = 0; i < 10; i++) vm.loadMore();
    assertThat(vm.rows().get(0).id()).isNotEqualTo(1L);
    assertThat(vm.metrics().get()).isEqualTo(atTheEnd)
        .isEqualTo(IncidentMetrics.of(store.history(dev.vigil.store.HistoryQuery.latest(10_000)).items(),
            Map.of(1L, now.plusSeconds(60))).words())
        .isEqualTo("MTTA 2 min (1 acknowledged), MTTR 10 min (1450 resolved)");
    assertThat(vm.status().get()).isEqualTo("1,450 incidents");
  }

  @Test
  void halfwayDownTheCountSaysHowManyWereReadSoFar() {
    addOlder(1000);
    vm.search();
    for (int i = 0; i < 5; i++) vm.loadMore();
    vm.loadAbove();
    assertThat(vm.status().get()).isEqualTo("1,200+ incidents (scroll for more)");
  }

  /** Alerts older than the 450 of setUp, ids 451.., one minute apart like them. */
  private void addOlder(int n) {
    for (int i = 451; i < 451 + n; i++) {
      Instant first = now.minusSeconds(60L * i);
      store.add(new Alert(i, "fp" + i, i % 3 == 0 ? "search" : "payments-api", Severity.WARNING,
          AlertState.RESOLVED, first, first, first.plusSeconds(600), 1, "status (503) == 200", Map.of(), null));
    }
  }

  private List<Long> ids() {
    return vm.rows().stream().map(Alert::id).toList();
  }

  private void assertContiguous() {
    List<Long> ids = ids();
    assertThat(ids).isEqualTo(range(ids.get(0), ids.get(ids.size() - 1)));
  }

  private static List<Long> range(long from, long to) {
    return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
  }
}
