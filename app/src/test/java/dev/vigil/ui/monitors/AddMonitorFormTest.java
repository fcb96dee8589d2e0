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
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
      assertThat(RulesLoader.load(rules, Map.of()).rules().monitors()).extracting(m -> m.id()).containsExactly("web");
    }
  }
}
