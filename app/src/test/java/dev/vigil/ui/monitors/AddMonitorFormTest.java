package dev.vigil.ui.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.rules.RulesLoader;
import dev.vigil.ui.FakeContext;
import dev.vigil.ui.HeadlessFx;
import dev.vigil.ui.Io;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The monitors window's "Add monitor…" form, clicked through: Test shows each condition, Add writes the rules file. */
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class AddMonitorFormTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir static Path rules;
  Io io;

  @Start
  void start(Stage stage) {
    FakeContext ctx = new FakeContext(null, rules);
    io = Io.thread(Platform::runLater);
    MonitorsViewModel board = new MonitorsViewModel(ctx, io, (file, line) -> {}, url -> {});
    AddMonitorViewModel form = new AddMonitorViewModel(ctx, io, board::refresh);
    stage.setScene(new Scene(new MonitorsView(board, form), 1400, 700));
    stage.show();
  }

  @AfterEach
  void stop() {
    io.close();
  }

  @Test
  void fillTestAndAdd(FxRobot robot) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(200).build());
      server.start(InetAddress.getLoopbackAddress(), 0);
      String url = server.url("/health").toString();
      robot.clickOn("#monitors-add");
      robot.clickOn("#add-id").write("web");
      robot.clickOn("#add-target").write(url);
      robot.clickOn("#add-expect").write("status == 200");
      robot.clickOn("#add-test");
      Label status = robot.lookup("#add-status").queryAs(Label.class);
      @SuppressWarnings("unchecked") ListView<String> lines = robot.lookup("#add-lines").queryAs(ListView.class);
      await().atMost(WAIT).until(() -> status.getText().startsWith("Passes"));
      assertThat(status.getText()).matches("Passes: ok in \\d+ ms");
      assertThat(lines.getItems()).containsExactly("pass  status (200) == 200");
      assertThat(rules.resolve("monitors.yaml")).doesNotExist();

      robot.clickOn("#add-add");
      await().atMost(WAIT).until(() -> status.getText().startsWith("Added"));
      assertThat(status.getText()).isEqualTo("Added \"web\" to monitors.yaml; Vigil reloads the rules and starts watching it.");
      assertThat(Files.readString(rules.resolve("monitors.yaml"))).isEqualTo(
          "monitors:\n  - id: web\n    url: " + url + "\n    interval: 30s\n    severity: warning\n    expect:\n      - 'status == 200'\n");
      assertThat(RulesLoader.load(rules, Map.of()).rules().monitors()).extracting(m -> m.id()).contains("web");
    }
  }

  @Test
  void dnsShowsItsRecordAndServerAndAddWritesThemKeepingTheRestOfTheFile(FxRobot robot) throws Exception {
    String before = "# the records we rely on\nmonitors:\n  - id: shop\n    url: https://shop.example/   # the shop\n";
    String after = "\n# maintenance windows go below\n";
    Files.writeString(rules.resolve("dns.yaml"), before + after);
    robot.clickOn("#monitors-add");
    assertThat(shown(robot, "#add-record")).isFalse();
    assertThat(shown(robot, "#add-send")).isFalse();
    choose(robot, "#add-kind", "dns");
    assertThat(shown(robot, "#add-record")).isTrue();
    assertThat(shown(robot, "#add-server")).isTrue();
    assertThat(shown(robot, "#add-send")).as("tcp's own field").isFalse();
    assertThat(shown(robot, "#add-verify")).as("tls's own field").isFalse();
    assertThat(robot.lookup("#add-target").queryAs(TextField.class).getPromptText()).isEqualTo("example.com");
    assertThat(robot.lookup("#add-expect").queryAs(TextArea.class).getPromptText()).isEqualTo("answer contains \"10.0.0.5\"");
    assertThat(robot.lookup("#add-expect-hint").queryAs(Label.class).getText())
        .isEqualTo("One a line, all must hold; e.g. answer contains \"10.0.0.5\"  or  rcode == NOERROR");

    robot.clickOn("#add-id").write("db-record");
    robot.clickOn("#add-target").write("db.example");
    choose(robot, "#add-record", "MX");
    robot.clickOn("#add-server").write("127.0.0.1:5353");
    robot.clickOn("#add-timeout").write("2s");
    robot.clickOn("#add-confirm").write("3");
    robot.clickOn("#add-labels").write("team=infra");
    robot.clickOn("#add-expect").write("answer contains \"mail.example\"");
    robot.doubleClickOn("#add-file").eraseText(20).write("dns.yaml");
    robot.clickOn("#add-add");
    Label status = robot.lookup("#add-status").queryAs(Label.class);
    await().atMost(WAIT).until(() -> status.getText().startsWith("Added"));
    assertThat(status.getText()).isEqualTo("Added \"db-record\" to dns.yaml; Vigil reloads the rules and starts watching it.");
    assertThat(Files.readString(rules.resolve("dns.yaml"))).isEqualTo(before + """
          - id: db-record
            dns: db.example
            record: MX
            server: 127.0.0.1:5353
            interval: 30s
            timeout: 2s
            severity: warning
            confirm: 3
            expect:
              - 'answer contains "mail.example"'
            labels:
              team: infra
        """ + after);

    choose(robot, "#add-kind", "tcp");
    assertThat(shown(robot, "#add-send")).isTrue();
    assertThat(shown(robot, "#add-record")).isFalse();
    assertThat(robot.lookup("#add-expect").queryAs(TextArea.class).getPromptText()).isEqualTo("banner contains \"ESMTP\"");
    choose(robot, "#add-kind", "tls");
    assertThat(shown(robot, "#add-verify")).isTrue();
    assertThat(robot.lookup("#add-verify").queryAs(CheckBox.class).isSelected()).as("verify is on unless turned off").isTrue();
    assertThat(robot.lookup("#add-expect").queryAs(TextArea.class).getPromptText()).isEqualTo("cert expires > 14d");
  }

  @Test
  void aBadTimeoutIsShownAtTheTimeoutFieldUntilItIsEdited(FxRobot robot) throws Exception {
    robot.clickOn("#monitors-add");
    robot.clickOn("#add-id").write("slow");
    robot.clickOn("#add-target").write("https://slow.example/");
    robot.clickOn("#add-timeout").write("5 parsecs");
    robot.doubleClickOn("#add-file").eraseText(20).write("slow.yaml");
    robot.clickOn("#add-test");
    Label status = robot.lookup("#add-status").queryAs(Label.class);
    await().atMost(WAIT).until(() -> status.getText().startsWith("Not tested"));
    assertThat(status.getText()).isEqualTo("Not tested: fix the fields below");
    TextField timeout = robot.lookup("#add-timeout").queryAs(TextField.class);
    Label problem = robot.lookup("#add-timeout-problem").queryAs(Label.class);
    assertThat(timeout.getPseudoClassStates()).contains(FormLayout.ERROR);
    assertThat(shown(robot, "#add-timeout-problem")).isTrue();
    assertThat(problem.getText()).isEqualTo("\"5 parsecs\" is not a duration (use 500ms, 30s, 5m, 1h, 1d)");
    assertThat(robot.lookup("#add-interval").queryAs(TextField.class).getPseudoClassStates()).doesNotContain(FormLayout.ERROR);
    assertThat(shown(robot, "#add-interval-problem")).isFalse();
    @SuppressWarnings("unchecked") ListView<String> lines = robot.lookup("#add-lines").queryAs(ListView.class);
    assertThat(lines.getItems()).containsExactly("timeout: monitor \"slow\": field \"timeout\": \"5 parsecs\" is not a duration"
        + " (use 500ms, 30s, 5m, 1h, 1d) (slow.yaml line 5)");

    robot.doubleClickOn("#add-timeout").eraseText(20).write("5s");
    assertThat(timeout.getPseudoClassStates()).doesNotContain(FormLayout.ERROR);
    assertThat(shown(robot, "#add-timeout-problem")).isFalse();
    assertThat(rules.resolve("slow.yaml")).doesNotExist();
  }

  /** Shown: it and every parent visible, as the user would see it. */
  private static boolean shown(FxRobot robot, String query) {
    for (Node n = robot.lookup(query).query(); n != null; n = n.getParent()) if (!n.isVisible()) return false;
    return true;
  }

  /** Opens a choice box and clicks one of its items. */
  private static void choose(FxRobot robot, String query, String item) {
    robot.clickOn(query);
    robot.clickOn(robot.lookup(".context-menu .menu-item .label").queryAllAs(Label.class).stream()
        .filter(l -> l.getText().equals(item)).findFirst().orElseThrow());
  }
}
