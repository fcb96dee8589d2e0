package dev.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** With no system tray (headless here), the app falls back to the status window, which does the same job. */
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class StatusWindowFallbackTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir static Path data;
  SqliteStore store;
  Shell shell;
  FakeContext ctx;

  @Start
  void start(Stage ignored) throws Exception {
    store = SqliteStore.open(Files.createTempDirectory(data, "db"), Clock.systemUTC());
    SampleData.fire(store, "payments-api", Severity.CRITICAL, Samples.T0, 3, "status: status (503) == 200", null);
    SampleData.fire(store, "disk-space", Severity.WARNING, Samples.T0, 1, "disk: free (3%) > 10%", null);
    ctx = new FakeContext(store, data);
    ctx.quiet = QuietStatus.until(Samples.T0.plus(Duration.ofHours(5)));
    shell = new Shell(ctx, url -> {});
    shell.start();
  }

  @AfterEach
  void stop() {
    shell.stop();
    store.close();
  }

  @Test
  void theStatusWindowShowsTheStateAndAcknowledgeAllAcknowledges(FxRobot robot) {
    assertThat(shell.tray()).isNull();
    await().atMost(WAIT).untilAsserted(() -> {
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(robot.lookup("#status-state").queryLabeled().getText()).isEqualTo("Critical alert firing");
      assertThat(robot.lookup("#status-counts").queryLabeled().getText()).isEqualTo("2 firing, quiet until 07:14");
    });
    robot.clickOn("#status-ack-all");
    await().atMost(WAIT).until(() -> store.openAlerts().stream().allMatch(a -> a.state() == AlertState.ACKNOWLEDGED));
    await().atMost(WAIT).untilAsserted(() -> {
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(robot.lookup("#status-state").queryLabeled().getText()).isEqualTo("Quiet mode");
      assertThat(robot.lookup("#status-counts").queryLabeled().getText()).isEqualTo("2 acknowledged, quiet until 07:14");
    });
  }

  @Test
  void quietModeFromTheMenuReachesTheEngineAndShowsInTheWindow(FxRobot robot) {
    robot.interact(() -> shell.quietOff());
    await().atMost(WAIT).untilAsserted(() -> {
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(robot.lookup("#status-counts").queryLabeled().getText()).isEqualTo("2 firing");
    });
    robot.interact(() -> shell.quietOneHour());
    await().atMost(WAIT).untilAsserted(() -> {
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(robot.lookup("#status-counts").queryLabeled().getText()).isEqualTo("2 firing, quiet until 03:51");
    });
    robot.interact(() -> shell.quietUntilMorning());
    await().atMost(WAIT).until(() -> ctx.calls.contains("quietUntilMorning"));
    assertThat(ctx.calls).containsExactly("quietOff", "quietFor PT1H", "quietUntilMorning");
  }
}
