package dev.vigil.ui.tray;

import dev.vigil.ui.OnFx;

import dev.vigil.ui.DeskActions;
import dev.vigil.ui.DeskSnapshot;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Run on a real X display (GTK glass, not Monocle) by {@link StatusWindowFocusTest}: a window titled "typing" has
 * focus, then the status window appears. Prints the JavaFX focus of both and the X server's focused window name.
 */
public final class StatusWindowFocusProbe {
  public static void main(String[] args) throws Exception {
    CountDownLatch up = new CountDownLatch(1);
    Platform.startup(up::countDown);
    up.await();
    Stage[] typing = new Stage[1];
    StatusWindow[] status = new StatusWindow[1];
    OnFx.run(() -> {
      typing[0] = new Stage();
      typing[0].setTitle("typing");
      typing[0].setScene(new Scene(new StackPane(new TextField()), 300, 120));
      typing[0].show();
      typing[0].requestFocus();
    });
    Thread.sleep(1000);
    OnFx.run(() -> {
      status[0] = new StatusWindow(new NoActions(), ZoneId.of("Europe/Berlin"));
      status[0].show(DeskSnapshot.empty(Instant.parse("2026-11-25T01:00:00Z")));
      status[0].open();
    });
    Thread.sleep(1500);
    boolean[] focus = new boolean[2];
    OnFx.run(() -> {
      focus[0] = typing[0].isFocused();
      focus[1] = status[0].focused();
    });
    Process xdotool = new ProcessBuilder("xdotool", "getwindowfocus", "getwindowname").redirectErrorStream(true).start();
    String x = new String(xdotool.getInputStream().readAllBytes()).trim();
    System.out.println("typing=" + focus[0] + " status=" + focus[1] + " x=" + x);
    Platform.exit();
  }


  static final class NoActions implements DeskActions {
    @Override public void openInbox() {}
    @Override public void acknowledgeAll() {}
    @Override public void quietOneHour() {}
    @Override public void quietUntilMorning() {}
    @Override public void quietOff() {}
    @Override public void silenceMonitor() {}
    @Override public void openHistory() {}
    @Override public void openSettings() {}
    @Override public void quit() {}
  }
}
