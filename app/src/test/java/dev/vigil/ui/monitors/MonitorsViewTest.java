package dev.vigil.ui.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.engine.MonitorRow;
import dev.vigil.ui.FakeContext;
import dev.vigil.ui.HeadlessFx;
import dev.vigil.ui.Io;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The monitors board: worst first, filtered as typed, and its buttons act on the selected monitor. */
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class MonitorsViewTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir static Path rules;
  FakeContext ctx;
  Io io;
  MonitorsViewModel vm;
  final List<String> opened = new CopyOnWriteArrayList<>();

  @Start
  void start(Stage stage) {
    ctx = new FakeContext(null, rules);
    Instant at = ctx.clock.instant();
    ctx.board = List.of(
        row("payments-api", "http", "up", "ok", at),
        new MonitorRow("db", "tcp", "firing", at, "connect: connection refused", 12L, 0.999, null, "alerts.yaml", 3, 0.99,
            List.of(), "https://wiki.example/runbooks/db"),
        row("mail-cert", "tls", "failing 1/2", "tls: certificate expires in 3 days (< 14d)", at),
        row("db-record", "dns", "paused", "ok", at),
        row("backup", "heartbeat", "in maintenance until 04:00", "ok", at),
        row("am-db-down", "alertmanager", "held by core-db-primary", "ok", at),
        row("gateway", "ping", "not yet checked", null, null));
    io = Io.thread(Platform::runLater);
    vm = new MonitorsViewModel(ctx, io, (file, line) -> opened.add(file + ":" + line), url -> opened.add(url));
    stage.setScene(new Scene(new MonitorsView(vm), 1270, 500));
    stage.show();
    vm.refresh();
  }

  @AfterEach
  void stop() {
    io.close();
  }

  @Test
  void theWorstComeFirstAndTheSummaryCountsEachState(FxRobot robot) {
    await().atMost(WAIT).until(() -> vm.rows().size() == 7);
    assertThat(vm.rows()).extracting(BoardEntry::id).containsExactly("db", "mail-cert", "am-db-down", "backup", "db-record", "gateway",
        "payments-api");
    assertThat(robot.lookup("#monitors-summary").queryAs(Label.class).getText())
        .isEqualTo("7 monitors: 1 firing, 1 failing, 1 held by core-db-primary, 1 in maintenance until 04:00, 1 paused,"
            + " 1 not yet checked, 1 up");
  }

  @Test
  void typingFiltersByIdKindStateOrResult(FxRobot robot) {
    await().atMost(WAIT).until(() -> vm.rows().size() == 7);
    robot.clickOn("#monitors-filter").write("certificate");
    await().atMost(WAIT).until(() -> vm.rows().size() == 1);
    assertThat(vm.rows().get(0).id()).isEqualTo("mail-cert");
  }

  @Test
  void theButtonsActOnTheSelectedMonitor(FxRobot robot) {
    await().atMost(WAIT).until(() -> vm.rows().size() == 7);
    TableView<?> table = robot.lookup("#monitors-table").queryAs(TableView.class);
    robot.interact(() -> table.getSelectionModel().select(0));
    robot.clickOn("#monitors-check");
    robot.clickOn("#monitors-pause");
    robot.type(javafx.scene.input.KeyCode.ENTER); // "Pause until…" offers 1 h first
    robot.clickOn("#monitors-open-rule");
    robot.clickOn("#monitors-open-runbook");
    await().atMost(WAIT).until(() -> ctx.calls.size() == 2 && opened.size() == 2);
    assertThat(ctx.calls).containsExactly("checkNow db", "pause db until " + ctx.clock.instant().plus(Duration.ofHours(1)));
    assertThat(opened).as("the rules file at the monitor's line").containsExactly(rules.resolve("alerts.yaml") + ":3",
        "https://wiki.example/runbooks/db");
  }

  @Test
  void theTableShowsTheLastHourAndBothUptimesAndCutsNoNumberOrState(FxRobot robot) {
    await().atMost(WAIT).until(() -> vm.rows().size() == 7);
    TableView<?> table = robot.lookup("#monitors-table").queryAs(TableView.class);
    assertThat(table.getColumns()).extracting(javafx.scene.control.TableColumn::getText).containsExactly(
        "State", "Monitor", "Kind", "Latency", "Last hour", "Uptime 24 h", "7 d", "Last check", "Next check", "Result");
    assertThat(shown(robot, "db")).startsWith("firing", "db", "tcp", "12 ms", "", "99.90 %", "99.00 %");
    assertThat(shown(robot, "db-record")).startsWith("paused", "db-record", "dns", "12 ms", "", "99.90 %", "");
    // every cell but the result's reads in full: a Labeled that is too narrow shows "..." instead of its text
    List<String> cut = new java.util.ArrayList<>();
    robot.interact(() -> {
      for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
        var cell = (javafx.scene.control.TableCell<?, ?>) n;
        var text = (javafx.scene.text.Text) cell.lookup(".text");
        if (cell.getText() != null && text != null && !cell.getTableColumn().getText().equals("Result")
            && !text.getText().equals(cell.getText())) cut.add(cell.getText() + " shown as " + text.getText());
      }
      for (javafx.scene.Node n : table.lookupAll(".column-header .label")) {
        var title = (javafx.scene.control.Label) n;
        var text = (javafx.scene.text.Text) title.lookup(".text");
        if (text != null && !text.getText().equals(title.getText())) cut.add("title " + title.getText() + " shown as " + text.getText());
      }
    });
    assertThat(cut).isEmpty();
  }

  /** The texts of a monitor's row as the table shows them, column by column. */
  private static List<String> shown(FxRobot robot, String id) {
    TableView<?> table = robot.lookup("#monitors-table").queryAs(TableView.class);
    List<String> texts = new java.util.ArrayList<>();
    robot.interact(() -> {
      for (javafx.scene.Node n : table.lookupAll(".table-row-cell")) {
        var row = (javafx.scene.control.TableRow<?>) n;
        if (!(row.getItem() instanceof BoardEntry line) || !line.id().equals(id)) continue;
        for (javafx.scene.Node c : row.lookupAll(".table-cell")) {
          String t = ((javafx.scene.control.TableCell<?, ?>) c).getText();
          texts.add(t == null ? "" : t);
        }
      }
    });
    return texts;
  }

  @Test
  void aSelectedMonitorStaysSelectedWhenTheBoardIsReadAgainAndOnlyChangedWordsChange(FxRobot robot) {
    await().atMost(WAIT).until(() -> vm.rows().size() == 7);
    TableView<?> table = robot.lookup("#monitors-table").queryAs(TableView.class);
    robot.interact(() -> table.getSelectionModel().select(1));
    assertThat(((BoardEntry) table.getSelectionModel().getSelectedItem()).id()).isEqualTo("mail-cert");
    BoardEntry gateway = vm.rows().stream().filter(e -> e.id().equals("gateway")).findFirst().orElseThrow();
    Instant at = ctx.clock.instant();
    List<MonitorRow> next = new java.util.ArrayList<>(ctx.board);
    next.set(2, row("mail-cert", "tls", "failing 1/2", "tls: certificate expires in 2 days (< 14d)", at));
    next.set(1, row("db", "tcp", "up", "ok", at)); // no longer firing: the order changes
    ctx.board = next;
    robot.interact(vm::refresh);
    await().atMost(WAIT).until(() -> vm.rows().get(0).id().equals("mail-cert"));
    assertThat(((BoardEntry) table.getSelectionModel().getSelectedItem()).id()).as("still the monitor the person chose")
        .isEqualTo("mail-cert");
    assertThat(shown(robot, "mail-cert")).contains("tls: certificate expires in 2 days (< 14d)");
    assertThat(vm.rows().stream().filter(e -> e.id().equals("gateway")).findFirst().orElseThrow())
        .as("an unchanged monitor keeps its row").isSameAs(gateway);
  }

  @Test
  void theRunbookButtonFollowsTheSelectedMonitorAsReadAgain(FxRobot robot) {
    await().atMost(WAIT).until(() -> vm.rows().size() == 7);
    TableView<?> table = robot.lookup("#monitors-table").queryAs(TableView.class);
    robot.interact(() -> table.getSelectionModel().select(0)); // db, with a runbook
    javafx.scene.control.Button runbook = robot.lookup("#monitors-open-runbook").queryAs(javafx.scene.control.Button.class);
    assertThat(runbook.isDisabled()).isFalse();
    Instant at = ctx.clock.instant();
    List<MonitorRow> next = new java.util.ArrayList<>(ctx.board);
    next.set(1, new MonitorRow("db", "tcp", "firing", at, "connect: connection refused", 12L, 0.999, null, "alerts.yaml", 3,
        0.99, List.of(), null)); // the rules no longer give it a runbook
    ctx.board = next;
    robot.interact(vm::refresh);
    await().atMost(WAIT).until(runbook::isDisabled);
  }

  @Test
  void theSummaryCountsMonitorsHeldByDifferentParentsApart() {
    FakeContext c = new FakeContext(null, rules);
    Instant at = c.clock.instant();
    c.board = List.of(row("api", "http", "held by core-db", "ok", at), row("web", "http", "held by cache", "ok", at),
        row("jobs", "http", "held by core-db", "ok", at), row("mail", "tcp", "up", "ok", at));
    MonitorsViewModel model = new MonitorsViewModel(c, Io.direct(), (file, line) -> {}, url -> {});
    model.refresh();
    assertThat(model.summary().get()).isEqualTo("4 monitors: 1 held by cache, 2 held by core-db, 1 up");
  }

  @Test
  void heldAndMaintenanceRankBetweenFailingAndPaused() {
    assertThat(List.of("up", "paused", "in maintenance", "acknowledged", "held by core-db", "failing 1/2", "firing",
        "not yet checked").stream().sorted(java.util.Comparator.comparingInt(MonitorsViewModel::rank)).toList())
        .containsExactly("firing", "failing 1/2", "held by core-db", "acknowledged", "in maintenance", "paused",
            "not yet checked", "up");
  }

  @Test
  void aPauseUntilMorningEndsAtTheNextEightOClockInTheUsersZone() {
    java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
    assertThat(MonitorsViewModel.pauseEnd("tomorrow 08:00", Instant.parse("2026-11-24T22:30:00Z"), berlin))
        .isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
    assertThat(MonitorsViewModel.pauseEnd("tomorrow 08:00", Instant.parse("2026-11-25T05:00:00Z"), berlin))
        .as("before 08:00 it is this morning's").isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
    assertThat(MonitorsViewModel.pauseEnd("30 min", Instant.parse("2026-11-25T05:00:00Z"), berlin))
        .isEqualTo(Instant.parse("2026-11-25T05:30:00Z"));
  }

  private static MonitorRow row(String id, String kind, String state, String result, Instant at) {
    return new MonitorRow(id, kind, state, at, result, at == null ? null : 12L, at == null ? null : 0.999, null, "alerts.yaml", 3);
  }
}
