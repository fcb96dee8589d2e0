package dev.vigil.ui.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.Alert;
import dev.vigil.alert.Severity;
import dev.vigil.store.SqliteStore;
import dev.vigil.ui.FakeContext;
import dev.vigil.ui.HeadlessFx;
import dev.vigil.ui.Io;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.collections.ListChangeListener;
import java.util.ArrayList;
import java.util.List;
import org.testfx.util.WaitForAsyncUtils;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The history table over the real store reads a page at a time as the person scrolls. */
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class HistoryViewTest {
  static final int PAGE = HistoryViewModel.PAGE;
  static final Duration WAIT = Duration.ofSeconds(10);
  static final int INCIDENTS = 1200;
  @TempDir static Path data;
  SqliteStore store;
  Io io;
  HistoryViewModel vm;

  @Start
  void start(Stage stage) throws Exception {
    Instant now = Instant.parse("2026-11-25T06:00:00Z");
    store = SqliteStore.open(Files.createTempDirectory(data, "db"), Clock.systemUTC());
    store.transaction(w -> {
      for (int i = 0; i < INCIDENTS; i++) {
        Alert a = w.fire("fp" + i, "monitor-" + (i % 7), Severity.WARNING, failureOf(i), null, now.minusSeconds(60L * i));
        w.recover("fp" + i, null, now.minusSeconds(60L * i - 30));
      }
      return null;
    });
    FakeContext ctx = new FakeContext(store, data);
    ctx.clock = Clock.fixed(now, ZoneId.of("Europe/Berlin"));
    io = Io.thread(Platform::runLater);
    vm = new HistoryViewModel(ctx, io);
    stage.setScene(new Scene(new HistoryView(vm, ctx.zone(), ctx.clock::instant), 1200, 700));
    stage.show();
    vm.search();
  }

  @AfterEach
  void stop() {
    io.close();
    store.close();
  }

  @Test
  void scrollingToTheEndReadsTheNextPageAndNeverEverything(FxRobot robot) {
    await().atMost(WAIT).until(() -> vm.rows().size() == HistoryViewModel.PAGE);
    TableView<?> table = robot.lookup("#history-table").queryAs(TableView.class);
    robot.interact(() -> table.scrollTo(HistoryViewModel.PAGE - 1));
    await().atMost(WAIT).until(() -> vm.rows().size() == 2 * HistoryViewModel.PAGE);
    assertThat(vm.rows()).hasSizeLessThan(INCIDENTS);
    assertThat(vm.rows()).extracting(Alert::id).doesNotHaveDuplicates();
  }

  @Test
  void selectingAnIncidentShowsItsTimeline(FxRobot robot) {
    await().atMost(WAIT).until(() -> !vm.timeline().isEmpty());
    assertThat(vm.timeline()).extracting(e -> e.kind()).containsExactly("fired", "resolved");
    assertThat(robot.lookup("#history-metrics").queryLabeled().getText()).isEqualTo("MTTA none, MTTR 30 s (200 resolved)");
  }

  @Test
  void typingAMonitorAndPressingEnterFiltersTheTable(FxRobot robot) {
    await().atMost(WAIT).until(() -> vm.rows().size() == HistoryViewModel.PAGE);
    robot.clickOn("#history-monitor").write("monitor-3").type(javafx.scene.input.KeyCode.ENTER);
    await().atMost(WAIT).until(() -> !vm.rows().isEmpty() && vm.rows().stream().allMatch(a -> a.monitor().equals("monitor-3")));
    assertThat(vm.rows()).hasSize(171); // every seventh of the 1200 incidents, all in one page
    assertThat(robot.lookup("#history-status").queryLabeled().getText()).isEqualTo("171 incidents");
  }

  @Test
  void scrollingDownToTheOldestAndBackUpShowsEveryIncidentInOrderOnceAndTheListStaysAWindow(FxRobot robot) {
    await().atMost(WAIT).until(() -> vm.rows().size() == PAGE);
    List<Integer> sizes = new ArrayList<>();
    robot.interact(() -> vm.rows().addListener((ListChangeListener<Alert>) c -> sizes.add(c.getList().size())));
    List<String> down = new ArrayList<>(shown(robot));
    double screen = (down.size() - 3) * HistoryView.ROW_HEIGHT; // a little less than a screen, like a page-down
    for (int step = 0; step < 400 && !down.get(down.size() - 1).equals(failureOf(INCIDENTS - 1)); step++) {
      robot.interact(() -> flow(robot).scrollPixels(screen));
      WaitForAsyncUtils.waitForFxEvents();
      appendNew(down, shown(robot));
    }
    assertThat(down).isEqualTo(everyIncidentNewestFirst());
    List<String> up = new ArrayList<>(shown(robot));
    for (int step = 0; step < 400 && !up.get(0).equals(failureOf(0)); step++) {
      robot.interact(() -> flow(robot).scrollPixels(-screen));
      WaitForAsyncUtils.waitForFxEvents();
      prependNew(up, shown(robot));
    }
    assertThat(up).isEqualTo(everyIncidentNewestFirst());
    assertThat(sizes).isNotEmpty().allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(HistoryViewModel.WINDOW));
    assertThat(vm.rows()).hasSizeLessThanOrEqualTo(HistoryViewModel.WINDOW);
  }

  @Test
  void theRowAtTheTopStaysInPlaceWhenRowsAboveItAreDroppedOrReadBack(FxRobot robot) {
    await().atMost(WAIT).until(() -> vm.rows().size() == PAGE);
    for (int i = 1; i < HistoryViewModel.WINDOW / PAGE; i++) { // fill the window: rows #0-#799, nothing dropped yet
      int size = i * PAGE;
      robot.interact(() -> table(robot).scrollTo(size - 1));
      await().atMost(WAIT).until(() -> vm.rows().size() == size + PAGE);
    }
    robot.interact(() -> {
      table(robot).scrollTo(770); // near the end: the next page comes in and #0-#199 leave
      flow(robot).scrollPixels(HistoryView.ROW_HEIGHT / 2); // half a row, as a wheel leaves it
    });
    await().atMost(WAIT).until(() -> vm.rows().get(0).summary().equals(failureOf(PAGE)));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shown(robot).get(0)).isEqualTo(failureOf(770));
    assertThat(topOffset(robot)).isEqualTo(-HistoryView.ROW_HEIGHT / 2);

    robot.interact(() -> table(robot).scrollTo(10)); // #210, near the window's top: #0-#199 are read back
    await().atMost(WAIT).until(() -> vm.rows().get(0).summary().equals(failureOf(0)));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shown(robot).get(0)).isEqualTo(failureOf(210));
    assertThat(topOffset(robot)).isZero();
  }

  @Test
  void theSelectedIncidentStaysSelectedWhileItsRowLeavesTheWindowAndComesBack(FxRobot robot) {
    await().atMost(WAIT).until(() -> !vm.timeline().isEmpty());
    Alert chosen = vm.selected().get();
    assertThat(chosen.summary()).isEqualTo(failureOf(0));
    for (int i = 1; i <= 5; i++) {
      int size = vm.rows().size();
      String last = vm.rows().get(size - 1).summary();
      robot.interact(() -> table(robot).scrollTo(size - 1));
      await().atMost(WAIT).until(() -> !vm.rows().get(vm.rows().size() - 1).summary().equals(last));
    }
    assertThat(vm.rows()).noneMatch(a -> a.id() == chosen.id());
    assertThat(vm.selected().get()).isEqualTo(chosen);
    assertThat(robot.lookup("#history-metrics").queryLabeled().getText()).isEqualTo("MTTA none, MTTR 30 s (1200 resolved)");
    for (int i = 0; i < 10 && vm.rows().get(0).id() != chosen.id(); i++) {
      String first = vm.rows().get(0).summary();
      robot.interact(() -> table(robot).scrollTo(0));
      await().atMost(WAIT).until(() -> !vm.rows().get(0).summary().equals(first));
    }
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(table(robot).getSelectionModel().getSelectedItem()).isEqualTo(chosen);
    assertThat(vm.selected().get()).isEqualTo(chosen);
    assertThat(robot.lookup("#history-metrics").queryLabeled().getText()).isEqualTo("MTTA none, MTTR 30 s (1200 resolved)");
  }

  static String failureOf(int i) {
    return "status (500) == 200, #" + i;
  }

  static List<String> everyIncidentNewestFirst() {
    return java.util.stream.IntStream.range(0, INCIDENTS).mapToObj(HistoryViewTest::failureOf).toList();
  }

  /** The incidents the table shows, top to bottom, by the text of their Last failure cell. */
  static List<String> shown(FxRobot robot) {
    return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
      VirtualFlow<?> flow = flow(robot);
      List<String> out = new ArrayList<>();
      for (int i = flow.getFirstVisibleCell().getIndex(); i <= flow.getLastVisibleCell().getIndex(); i++) {
        IndexedCell<?> row = flow.getVisibleCell(i);
        if (row == null || row.isEmpty()) continue;
        Labeled failure = (Labeled) row.lookupAll(".table-cell").stream().filter(n -> ((TableCell<?, ?>) n).getTableColumn().getText().equals("Last failure"))
            .findFirst().orElseThrow();
        out.add(failure.getText());
      }
      return out;
    });
  }

  static double topOffset(FxRobot robot) {
    return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> flow(robot).getFirstVisibleCell().getLayoutY());
  }

  static void appendNew(List<String> seen, List<String> now) {
    int at = now.indexOf(seen.get(seen.size() - 1));
    assertThat(at).as("the screen still shows the last row seen, %s, or moved less than a screen: %s", seen.get(seen.size() - 1), now).isNotNegative();
    seen.addAll(now.subList(at + 1, now.size()));
  }

  static void prependNew(List<String> seen, List<String> now) {
    int at = now.indexOf(seen.get(0));
    assertThat(at).as("the screen still shows the first row seen, %s: %s", seen.get(0), now).isNotNegative();
    seen.addAll(0, now.subList(0, at));
  }

  static TableView<?> table(FxRobot robot) {
    return robot.lookup("#history-table").queryAs(TableView.class);
  }

  static VirtualFlow<?> flow(FxRobot robot) {
    return (VirtualFlow<?>) table(robot).lookup(".virtual-flow");
  }
}
