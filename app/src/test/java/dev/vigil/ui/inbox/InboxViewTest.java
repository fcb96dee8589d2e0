package dev.vigil.ui.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.store.SqliteStore;
import dev.vigil.ui.AlertFeed;
import dev.vigil.ui.FakeContext;
import dev.vigil.ui.HeadlessFx;
import dev.vigil.ui.Io;
import dev.vigil.ui.SampleData;
import dev.vigil.ui.Samples;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The inbox over the real SQLite store, driven with mouse and keys on headless Monocle. */
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class InboxViewTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir static Path data;
  SqliteStore store;
  Io io;
  Alert disk;
  Alert payments;
  FakeContext ctx;
  final java.util.List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Start
  void start(Stage stage) throws Exception {
    store = SqliteStore.open(java.nio.file.Files.createTempDirectory(data, "db"), Clock.systemUTC());
    disk = SampleData.fire(store, "disk-space", Severity.WARNING, Samples.T0, 2, "disk: free (3%) > 10%", null);
    payments = SampleData.fire(store, "payments-api", Severity.CRITICAL, Samples.T0.plusSeconds(60), 3, "status: status (503) == 200", "https://pay.example/health");
    ctx = new FakeContext(store, data);
    io = Io.thread(Platform::runLater);
    AlertFeed feed = new AlertFeed(ctx, io);
    InboxView view = new InboxView(new InboxViewModel(ctx, io, feed), opened::add, row -> {});
    stage.setScene(new Scene(view, 1000, 500));
    stage.show();
    feed.start();
  }

  @AfterEach
  void stop() {
    io.close();
    store.close();
  }

  private void waitForRows(FxRobot robot, int rows) {
    await().atMost(WAIT).until(() -> robot.lookup("#inbox-table").queryAs(TableView.class).getItems().size() == rows);
  }

  @Test
  void clickingAcknowledgeWithANoteAcknowledgesTheAlertInTheStore(FxRobot robot) {
    waitForRows(robot, 2);
    robot.clickOn("payments-api");
    robot.clickOn("#acknowledge");
    robot.clickOn("#note").write("on it");
    robot.type(KeyCode.ENTER);
    await().atMost(WAIT).until(() -> store.find(payments.id()).orElseThrow().state() == AlertState.ACKNOWLEDGED);
    assertThat(store.timeline(payments.id())).last().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("acknowledged");
      assertThat(e.note()).isEqualTo("on it");
      assertThat(e.actor()).isEqualTo("desktop");
    });
    await().atMost(WAIT).untilAsserted(() -> {
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(robot.lookup("#inbox-message").queryLabeled().getText()).isEqualTo("Acknowledged payments-api");
    });
  }

  @Test
  void pressingAAsksForANoteAndAcknowledges(FxRobot robot) {
    waitForRows(robot, 2);
    robot.clickOn("disk-space");
    robot.type(KeyCode.A);
    robot.write("disk cleanup running").type(KeyCode.ENTER);
    await().atMost(WAIT).until(() -> store.find(disk.id()).orElseThrow().state() == AlertState.ACKNOWLEDGED);
  }

  @Test
  void ctrlFFiltersAndEscapeClearsTheFilter(FxRobot robot) {
    waitForRows(robot, 2);
    robot.clickOn("disk-space");
    robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
    robot.write("payments");
    waitForRows(robot, 1);
    robot.type(KeyCode.ESCAPE);
    waitForRows(robot, 2);
  }

  @Test
  void openEndpointOpensTheUrlFromTheAlertsLabels(FxRobot robot) {
    waitForRows(robot, 2);
    robot.clickOn("payments-api");
    robot.clickOn("#open-endpoint");
    assertThat(opened).containsExactly("https://pay.example/health");
  }

  @Test
  void pressingRThenEnterResolvesTheSelectedAlert(FxRobot robot) {
    waitForRows(robot, 2);
    robot.clickOn("disk-space");
    robot.type(KeyCode.R);
    robot.type(KeyCode.ENTER);
    await().atMost(WAIT).until(() -> store.find(disk.id()).orElseThrow().state() == AlertState.RESOLVED);
    waitForRows(robot, 1);
  }

  @Test
  void snoozingFromTheMenuSnoozesInTheStore(FxRobot robot) {
    waitForRows(robot, 2);
    robot.clickOn("payments-api");
    robot.clickOn("#snooze");
    robot.clickOn("1 h");
    await().atMost(WAIT).until(() -> store.find(payments.id()).orElseThrow().snoozedUntil() != null);
  }

  @Test
  void anAlertFromAnotherProcessAppearsAndTheSelectionStaysPut(FxRobot robot) {
    waitForRows(robot, 2);
    robot.clickOn("disk-space");
    SampleData.fire(store, "login", Severity.CRITICAL, Samples.T0.plusSeconds(120), 1, "status: status (500) == 200", null);
    waitForRows(robot, 3);
    TableView<?> table = robot.lookup("#inbox-table").queryAs(TableView.class);
    assertThat(((AlertRow) table.getSelectionModel().getSelectedItem()).monitor()).isEqualTo("disk-space");
  }

  @Test
  void theNoiseColumnSaysWhichSilenceHoldsTheAlertBackAndUntilWhen(FxRobot robot) {
    waitForRows(robot, 2);
    assertThat(shown(robot, "Overnight: critical wakes you (alarm)")).isTrue();
    java.time.Instant now = ctx.clock().instant();
    ctx.noise = new dev.vigil.ui.NoiseRules(dev.vigil.policy.Policy.defaults(ctx.zone()), null,
        java.util.List.of(new dev.vigil.policy.Silence(7, java.util.Map.of("monitor", "payments-api"), now.minusSeconds(60),
            now.plus(Duration.ofMinutes(90)), "deploy", "cli")), java.util.Set.of());
    await().atMost(WAIT).until(() -> shown(robot, "Silenced by #7 (deploy) until 04:21: silent"));
    assertThat(shown(robot, "Overnight: warning waits for the morning digest at 08:00")).isTrue();
  }

  @Test
  void afterManyChangesTheTableShowsExactlyTheOpenAlertsFiringFirstWithTheRightCounts(FxRobot robot) {
    waitForRows(robot, 2);
    robot.clickOn("disk-space");
    java.util.List<Alert> fired = new java.util.ArrayList<>();
    for (int round = 0; round < 6; round++) {
      for (int i = 0; i < 50; i++) {
        fired.add(SampleData.fire(store, "svc-" + round + "-" + i, i % 3 == 0 ? Severity.CRITICAL : Severity.WARNING,
            Samples.T0.plusSeconds(200 + round * 50 + i), 1, "status: status (503) == 200", null));
      }
      for (int i = round; i < fired.size(); i += 7) store.acknowledge(fired.get(i).id(), null, "test", Samples.T0.plusSeconds(900));
      for (int i = round + 3; i < fired.size(); i += 11) store.resolve(fired.get(i).id(), null, "test", Samples.T0.plusSeconds(900));
      WaitForAsyncUtils.sleep(120, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    java.util.List<Alert> open = store.openAlerts();
    long firing = open.stream().filter(a -> a.state() == AlertState.FIRING).count();
    TableView<?> table = robot.lookup("#inbox-table").queryAs(TableView.class);
    await().atMost(WAIT).untilAsserted(() -> {
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(robot.lookup("#inbox-status").queryLabeled().getText()).isEqualTo(open.size() + " open, " + firing + " firing");
      assertThat(table.getItems()).hasSize(open.size());
    });
    java.util.List<AlertRow> rows = table.getItems().stream().map(AlertRow.class::cast).toList();
    assertThat(rows).extracting(AlertRow::id).containsExactlyInAnyOrderElementsOf(open.stream().map(Alert::id).toList());
    assertThat(rows.subList(0, (int) firing)).allSatisfy(r -> assertThat(r.alert().state()).isEqualTo(AlertState.FIRING));
    assertThat(rows.subList((int) firing, rows.size())).allSatisfy(r -> assertThat(r.alert().state()).isEqualTo(AlertState.ACKNOWLEDGED));
    assertThat(rows.subList(0, (int) firing)).extracting(r -> r.alert().severity()).isSorted();
    assertThat(((AlertRow) table.getSelectionModel().getSelectedItem()).monitor()).isEqualTo("disk-space");
    robot.clickOn("#filter").write("svc-5-");
    await().atMost(WAIT).until(() -> table.getItems().size()
        == open.stream().filter(a -> a.monitor().startsWith("svc-5-")).count());
  }

  private static boolean shown(FxRobot robot, String text) {
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText())).tryQuery().isPresent();
  }
}
