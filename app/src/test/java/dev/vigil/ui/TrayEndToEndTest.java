package dev.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.store.SqliteStore;
import java.time.Clock;
import dev.vigil.ui.tray.TrayRobot;
import dev.vigil.ui.tray.TrayState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tray, end to end, under Xvfb with a tray host. Run it alone (it needs the GTK toolkit, not Monocle):
 * {@code scripts/tray-test.sh}, or by hand: start Xvfb and {@code trayer}, then
 * {@code VIGIL_TRAY_TEST=1 ./mvnw -B -o -pl app test -Dgroups=tray -Dtest=TrayEndToEndTest}.
 */
@Tag("tray")
class TrayEndToEndTest {
  static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path rules;
  @TempDir Path data;

  @Test
  void theIconDocksItsMenuOpensAndAcknowledgeAllAcknowledges() throws Exception {
    assumeTrue(System.getenv("VIGIL_TRAY_TEST") != null, "set VIGIL_TRAY_TEST=1 and run under Xvfb with trayer");
    assumeTrue(System.getenv("DISPLAY") != null, "needs an X display");
    System.setProperty("java.awt.headless", "false");
    assumeTrue(TrayRobot.trayHostPresent(), "needs a tray host such as trayer");

    SqliteStore store = SqliteStore.open(data, Clock.systemUTC());
    SampleData.fire(store, "payments-api", Severity.CRITICAL, Samples.T0, 3, "status: status (503) == 200", null);
    SampleData.fire(store, "disk-space", Severity.WARNING, Samples.T0, 1, "disk: free (3%) > 10%", null);
    FakeContext ctx = new FakeContext(store, rules);
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    Platform.setImplicitExit(false);
    Shell[] shell = new Shell[1];
    Platform.runLater(() -> {
      shell[0] = new Shell(ctx, url -> {});
      shell[0].start();
    });

    await().atMost(WAIT).until(() -> shell[0] != null && shell[0].tray() != null && shell[0].tray().isDocked());
    await().atMost(WAIT).until(() -> TrayRobot.iconCentre().isPresent());
    await().atMost(WAIT).until(() -> shell[0].tray().state() == TrayState.CRITICAL);
    await().atMost(WAIT).until(() -> TrayRobot.redPixelsInIcon() > 10); // the red critical picture, not an empty square

    java.util.Set<Boolean> frames = new java.util.HashSet<>(); // blinking: the red shield and the white one
    await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
      frames.add(TrayRobot.redPixelsInIcon() > 100);
      return frames.size() == 2;
    });

    // A right-click opens the menu and nothing else: no window may open behind or over it.
    TrayRobot.openMenuAndClose();
    await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> assertThat(showing()).isEmpty());

    TrayRobot.chooseFromMenu(3); // 1 Monitors, 2 Open inbox, 3 Acknowledge all

    await().atMost(WAIT).untilAsserted(() -> assertThat(store.openAlerts())
        .allSatisfy(a -> assertThat(a.state()).isEqualTo(AlertState.ACKNOWLEDGED)));
    await().atMost(WAIT).until(() -> shell[0].tray().state() == TrayState.ACKNOWLEDGED);
    await().atMost(WAIT).until(() -> TrayRobot.redPixelsInIcon() == 0); // the blue acknowledged shield, no blinking

    // Choosing from the menu (a right-click, keys) opened no window either: the FX pulse timer is parked; opening the
    // inbox starts it again, and the window gets frames.
    assertThat(showing()).isEmpty();
    await().atMost(WAIT).until(() -> PulseParking.parkedNow);
    TrayRobot.click(); // a left-click opens the inbox
    await().atMost(WAIT).until(() -> showing().contains("Vigil: inbox"));
    OnFx.run(() -> List.copyOf(javafx.stage.Window.getWindows()).forEach(javafx.stage.Window::hide));
    try {
      await().atMost(WAIT).until(() -> PulseParking.parkedNow);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      StringBuilder showing = new StringBuilder();
      OnFx.run(() -> javafx.stage.Window.getWindows().forEach(w -> showing.append(w instanceof javafx.stage.Stage s ? s.getTitle() : w.getClass().getSimpleName()).append("; ")));
      throw new AssertionError("the pulse timer did not park; windows showing: [" + showing + "]", e);
    }
    TrayRobot.chooseFromMenu(2); // Open inbox
    await().atMost(WAIT).until(() -> javafx.stage.Window.getWindows().stream()
        .anyMatch(w -> w instanceof javafx.stage.Stage s && "Vigil: inbox".equals(s.getTitle()) && s.isShowing()));
    java.util.concurrent.atomic.AtomicInteger pulses = new java.util.concurrent.atomic.AtomicInteger();
    Platform.runLater(() -> new javafx.animation.AnimationTimer() {
      @Override public void handle(long now) {
        pulses.incrementAndGet();
      }
    }.start());
    await().atMost(WAIT).until(() -> pulses.get() > 10);
    assertThat(PulseParking.parkedNow).isFalse();
    Platform.runLater(() -> shell[0].tray().remove());
    shell[0].stop();
    store.close();
  }

  /** The titles of the JavaFX windows showing now. */
  private static List<String> showing() throws InterruptedException {
    List<String> titles = new java.util.ArrayList<>();
    OnFx.run(() -> javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
        .forEach(w -> titles.add(w instanceof javafx.stage.Stage s ? String.valueOf(s.getTitle()) : w.getClass().getSimpleName())));
    return titles;
  }
}
