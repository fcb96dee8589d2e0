package dev.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The wake ladder's prompt: asked for before the app is up, it appears once it is; Enter acknowledges. */
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class WakePromptTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir static Path data;
  SqliteStore store;
  Shell shell;
  Alert payments;
  Alert checkout;
  final WakePrompt prompt = new WakePrompt();
  final java.util.List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Start
  void start(Stage ignored) throws Exception {
    store = SqliteStore.open(Files.createTempDirectory(data, "db"), Clock.systemUTC());
    payments = SampleData.fire(store, "payments-api", Severity.CRITICAL, Samples.T0, 3, "status: status (503) == 200", null);
    checkout = store.transaction(w -> w.fire("checkout@1", "checkout-api", Severity.CRITICAL, "status: status (503) == 200",
        java.util.Map.of("runbook", "https://wiki.example/runbooks/checkout"), Samples.T0));
    prompt.show(payments); // the notifier may ask before the window system is up
    shell = new Shell(new FakeContext(store, data), opened::add);
    shell.start();
    prompt.attach(shell);
  }

  @AfterEach
  void stop() {
    shell.stop();
    store.close();
  }

  private static boolean promptShowing() {
    return Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && "Vigil: wake up".equals(s.getTitle()) && s.isShowing());
  }

  @Test
  void aPromptAskedForBeforeStartShowsAndEnterAcknowledges(FxRobot robot) {
    await().atMost(WAIT).until(() -> robot.lookup("#wake-title").tryQuery().isPresent());
    assertThat(robot.lookup("#wake-title").queryLabeled().getText()).isEqualTo("payments-api needs you");
    robot.clickOn("#wake-title").type(KeyCode.ENTER);
    await().atMost(WAIT).until(() -> store.find(payments.id()).orElseThrow().state() == AlertState.ACKNOWLEDGED);
    await().atMost(WAIT).until(() -> {
      boolean[] showing = new boolean[1];
      robot.interact(() -> showing[0] = promptShowing());
      return !showing[0];
    });
  }

  @Test
  void anAlertWithARunbookOffersToOpenItAndOneWithoutDoesNot(FxRobot robot) {
    await().atMost(WAIT).until(() -> robot.lookup("#wake-title").tryQuery().isPresent());
    assertThat(robot.lookup("#wake-runbook").tryQuery()).as("payments-api has no runbook").isEmpty();
    prompt.show(checkout);
    await().atMost(WAIT).until(() -> robot.lookup("#wake-runbook").tryQuery().isPresent());
    robot.clickOn("#wake-runbook");
    await().atMost(WAIT).until(() -> opened.contains("https://wiki.example/runbooks/checkout"));
  }

  @Test
  void hideClosesThePromptWhenTheAlertWasAcknowledgedElsewhere(FxRobot robot) {
    await().atMost(WAIT).until(() -> robot.lookup("#wake-title").tryQuery().isPresent());
    prompt.hide(payments.id());
    await().atMost(WAIT).until(() -> {
      boolean[] showing = new boolean[1];
      robot.interact(() -> showing[0] = promptShowing());
      return !showing[0];
    });
  }
}
