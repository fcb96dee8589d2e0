package dev.vigil.ui.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.ui.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The inbox's live updates: only changed rows are touched, and the list and its listeners end up with the new rows. */
class RowDiffTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "the first publication adds every row        | ''            | 1 2 3 4 5     | 5",
      "everything resolved removes every row       | 1 2 3 4 5     | ''            | 5",
      "new alerts on top are two inserted rows     | 3 4 5         | 1 2 3 4 5     | 2",
      "a new alert in the middle is one row        | 1 2 4 5       | 1 2 3 4 5     | 1",
      "a resolved alert is one removed row         | 1 2 3 4 5     | 1 2 4 5       | 1",
      "an acknowledged alert moves to the bottom   | 1 2 3 4 5     | 2 3 4 5 1     | 2",
      "nothing changed touches nothing             | 1 2 3 4 5     | 1 2 3 4 5     | 0",
      "reversed keeps one row and moves the rest   | 1 2 3 4 5     | 5 4 3 2 1     | 8",
  })
  void touchesOnlyWhatChanged(String intent, String before, String after, int touched) {
    java.util.Map<Long, AlertRow> same = new java.util.HashMap<>(); // an unchanged alert is the same row object
    List<AlertRow> from = rows(before, same);
    List<AlertRow> to = rows(after, same);
    List<RowDiff.Step> steps = RowDiff.between(from, to);
    assertThat(steps.stream().mapToInt(RowDiff.Step::size).sum()).as(intent).isEqualTo(touched);
    assertThat(applied(from, List.of(steps))).as(intent).containsExactlyElementsOf(to);
  }

  @Test
  void aRowThatReadsDifferentlyIsReplacedInPlaceAndTheOthersAreLeftAlone() {
    List<AlertRow> from = rows("1 2 3", new java.util.HashMap<>());
    List<AlertRow> to = new ArrayList<>(from);
    to.set(1, row(2, "5 times"));
    List<RowDiff.Step> steps = RowDiff.between(from, to);
    assertThat(steps).singleElement().isInstanceOfSatisfying(RowDiff.Replace.class, r -> assertThat(r.at()).isEqualTo(1));
    List<AlertRow> shown = applied(from, List.of(steps));
    assertThat(shown.get(1).count()).isEqualTo("5 times");
    assertThat(shown.get(0)).isSameAs(from.get(0));
    assertThat(shown.get(2)).isSameAs(from.get(2));
  }

  @Test
  void aHundredNewAlertsOverTenThousandTouchAHundredRows() {
    List<AlertRow> from = LongStream.range(100, 10_100).mapToObj(id -> row(id, "3 times")).toList();
    List<AlertRow> to = LongStream.range(0, 10_100).mapToObj(id -> id < 100 ? row(id, "1 time") : from.get((int) id - 100)).toList();
    List<RowDiff.Step> steps = RowDiff.between(from, to);
    assertThat(steps).singleElement().extracting(RowDiff.Step::size).isEqualTo(100);
  }

  @Test
  void batchesHoldAtMostTheBudgetAndApplyToTheSameRows() {
    List<AlertRow> from = LongStream.range(0, 3000).mapToObj(id -> row(id, "1 time")).toList();
    List<AlertRow> to = LongStream.range(1000, 5000).mapToObj(id -> row(id, id % 7 == 0 ? "2 times" : "1 time")).toList();
    List<List<RowDiff.Step>> batches = RowDiff.batches(RowDiff.between(from, to), 500);
    assertThat(batches).allSatisfy(b -> assertThat(b.stream().mapToInt(s -> Math.max(1, s.size())).sum()).isLessThanOrEqualTo(500));
    assertThat(batches.size()).isGreaterThanOrEqualTo(7);
    assertThat(applied(from, batches)).extracting(AlertRow::id).containsExactlyElementsOf(to.stream().map(AlertRow::id).toList());
  }

  @Test
  void theFirstScreenfulArrivesAFewRowsAtATimeThenInBigBatches() {
    List<AlertRow> to = LongStream.range(0, 2000).mapToObj(id -> row(id, "1 time")).toList();
    List<List<RowDiff.Step>> batches = RowDiff.batches(RowDiff.between(List.of(), to), 500, 40, 4);
    assertThat(batches).extracting(b -> b.stream().mapToInt(RowDiff.Step::size).sum())
        .containsExactly(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 500, 500, 500, 460);
    assertThat(applied(List.of(), batches)).containsExactlyElementsOf(to);
  }

  @Test
  void manyRandomChangesEndWithExactlyTheNewRowsInTheirOrder() {
    Random random = new Random(7);
    List<AlertRow> shown = List.of();
    for (int round = 0; round < 200; round++) {
      List<AlertRow> next = new ArrayList<>();
      for (AlertRow r : shown) {
        int fate = random.nextInt(10);
        if (fate == 0) continue; // resolved
        next.add(fate == 1 ? row(r.id(), round + " times") : r); // counted again, or unchanged
      }
      IntStream.range(0, random.nextInt(20)).forEach(i -> next.add(random.nextInt(next.size() + 1), row(random.nextInt(1_000_000), "1 time")));
      List<AlertRow> unique = new ArrayList<>(next.stream().filter(distinctIds()).toList());
      if (random.nextInt(3) == 0 && unique.size() > 2) { // acknowledged, or snoozed: moves elsewhere
        java.util.Collections.swap(unique, random.nextInt(unique.size()), random.nextInt(unique.size()));
      }
      shown = applied(shown, RowDiff.batches(RowDiff.between(shown, unique), 7));
      assertThat(shown).as("round %d", round).containsExactlyElementsOf(unique);
    }
  }

  /** Applies the batches to a RowList and replays its change events on a copy, as the table's filter would. */
  private static List<AlertRow> applied(List<AlertRow> start, List<List<RowDiff.Step>> batches) {
    RowList list = new RowList();
    list.apply(List.of(new RowDiff.Insert(0, start)));
    List<AlertRow> mirror = new ArrayList<>(list);
    list.addListener((ListChangeListener<AlertRow>) c -> {
      while (c.next()) {
        if (c.wasPermutated()) throw new AssertionError("no permutations expected");
        mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
        mirror.addAll(c.getFrom(), c.getAddedSubList());
      }
    });
    batches.forEach(list::apply);
    assertThat(mirror).as("what a listener saw").containsExactlyElementsOf(list);
    return new ArrayList<>(list);
  }

  private static java.util.function.Predicate<AlertRow> distinctIds() {
    java.util.Set<Long> seen = new java.util.HashSet<>();
    return r -> seen.add(r.id());
  }

  private static List<AlertRow> rows(String ids, java.util.Map<Long, AlertRow> same) {
    if (ids.isBlank()) return List.of();
    return java.util.Arrays.stream(ids.trim().split(" "))
        .map(id -> same.computeIfAbsent(Long.parseLong(id), i -> row(i, "3 times"))).toList();
  }

  private static AlertRow row(long id, String count) {
    return new AlertRow(Samples.alert(id, "svc-" + id, Severity.WARNING, AlertState.FIRING), "warning", "svc-" + id,
        "since 02:14 (37 min)", count, "status: status (503) == 200", "Firing: making noise");
  }
}
