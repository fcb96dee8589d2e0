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
import javafx.scene.control.TableView;
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
  static final Duration WAIT = Duration.ofSeconds(10);
  static final int INCIDENTS = 1000;
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
        Alert a = w.fire("fp" + i, "monitor-" + (i % 7), Severity.WARNING, "status (500) == 200", null, now.minusSeconds(60L * i));
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
    assertThat(vm.rows()).hasSize(143); // every seventh of the 1000 incidents, all in one page
    assertThat(robot.lookup("#history-status").queryLabeled().getText()).isEqualTo("143 incidents");
  }
}
