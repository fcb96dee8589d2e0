package dev.vigil.ui;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks JavaFX's pulse timer while no window is showing. JavaFX asks its timer to pause when nothing animates, but
 * on Linux (glass GTK) pausing is a no-op: the timer keeps firing 60 times a second on the FX thread, about 0.4 % of
 * a core for a tray app that shows no window most of the day. Here the timer is stopped a second after the last
 * window closed and started again, at its period, as soon as a window shows (the window's first pulse is then at
 * most one period late).
 *
 * <p>While parked nothing that needs pulses runs: no JavaFX animation (Timeline, PauseTransition, AnimationTimer)
 * may be relied on with no window open; use a plain timer and {@code Platform.runLater} (as the tray's blinking and
 * the dock timeout do). Only on glass GTK: Monocle (the tests), macOS and Windows pause their timers themselves.
 * The timer is JavaFX-internal and reached by reflection; when that fails, nothing changes.
 */
final class PulseParking {
  private static final Logger log = LoggerFactory.getLogger(PulseParking.class);
  static final javafx.util.Duration GRACE = javafx.util.Duration.seconds(1);

  private final Object timer;
  private final Method stop;
  private final Method startWithPeriod;
  private final Method startVsync;
  private final Field period;
  private double parkedPeriod;
  private boolean parked;
  /** Whether the timer is parked now; for the end-to-end test. */
  static volatile boolean parkedNow;
  private PauseTransition pending;

  private PulseParking(Object timer) throws ReflectiveOperationException {
    this.timer = timer;
    Class<?> timerClass = Class.forName("com.sun.glass.ui.Timer");
    this.stop = timerClass.getMethod("stop");
    this.startWithPeriod = timerClass.getMethod("start", int.class);
    this.startVsync = timerClass.getMethod("start");
    this.period = timerClass.getDeclaredField("period");
    period.setAccessible(true);
  }

  /** Call on the FX thread once the toolkit runs; returns whether the timer will be parked. */
  static boolean install() {
    try {
      Object toolkit = Class.forName("com.sun.javafx.tk.Toolkit").getMethod("getToolkit").invoke(null);
      Field field = toolkit.getClass().getDeclaredField("pulseTimer");
      field.setAccessible(true);
      Object timer = field.get(toolkit);
      if (timer == null || !timer.getClass().getName().equals("com.sun.glass.ui.gtk.GtkTimer")) return false;
      PulseParking parking = new PulseParking(timer);
      Window.getWindows().addListener((ListChangeListener<Window>) change -> parking.windowsChanged());
      parking.windowsChanged();
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      log.debug("the JavaFX pulse timer stays as it is: {}", e.toString());
      return false;
    }
  }

  private void windowsChanged() {
    if (!Window.getWindows().isEmpty()) {
      if (pending != null) pending.stop();
      pending = null;
      unpark();
      return;
    }
    if (parked || pending != null) return;
    // a second of grace: the last window's hiding finishes on the pulses still running (this wait is one of them)
    pending = new PauseTransition(GRACE);
    pending.setOnFinished(e -> {
      pending = null;
      if (Window.getWindows().isEmpty()) park();
    });
    pending.play();
  }

  private void park() {
    try {
      synchronized (timer) {
        parkedPeriod = period.getDouble(timer);
        stop.invoke(timer);
      }
      parked = true;
      parkedNow = true;
      log.debug("no window showing: JavaFX pulse timer parked");
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug("cannot park the JavaFX pulse timer: {}", e.toString());
    }
  }

  private void unpark() {
    if (!parked) return;
    try {
      if (parkedPeriod > 0) startWithPeriod.invoke(timer, (int) parkedPeriod);
      else startVsync.invoke(timer);
      parked = false;
      parkedNow = false;
      log.debug("a window shows: JavaFX pulse timer running");
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("could not restart the JavaFX pulse timer; windows may not draw: {}", e.toString());
    }
  }
}
