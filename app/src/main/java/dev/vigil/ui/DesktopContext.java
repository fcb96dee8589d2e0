package dev.vigil.ui;

import dev.vigil.engine.WatchStatus;
import dev.vigil.alert.AlertListener;
import dev.vigil.store.AlertDesk;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Everything the desktop app needs from the engine, implemented by the engine wiring.
 *
 * <p>The UI calls every method below on its single background thread ("vigil-ui-io"), never on the JavaFX
 * thread, so implementations may block briefly on I/O. Nothing here may call back into JavaFX.
 */
public interface DesktopContext {

  /** The open store of the data folder the engine writes to. */
  AlertDesk store();

  /**
   * Registers a listener for committed alert changes (called on the engine thread); the returned handle
   * unregisters it. The UI only sets a flag in the listener and reads the store itself later.
   */
  AutoCloseable subscribe(AlertListener listener);

  /** The rules folder; settings write {@code policy.yaml} here. */
  Path rulesFolder();

  /** The user's time zone for every time shown. */
  ZoneId zone();

  Clock clock();

  QuietControl quiet();

  /**
   * The noise rules the notifier acts on right now: the policy, manual quiet mode, the active silences and the
   * monitors that break through quiet mode. Read at every change and every five seconds.
   */
  NoiseRules noiseRules();

  /** Silences every alert of one monitor for a while (a silence matching {@code monitor=ID}). */
  void silenceMonitor(String monitorId, Duration duration);

  /**
   * Whether Vigil is watching right now, and if not, why; and how many problems the last rules edit had when it was
   * refused ({@code engine.status()}). Polled at every change and every five seconds.
   */
  WatchStatus watchStatus();

  /** Plays the alarm sound once, for the settings page's "Test sound" button. */
  default void testSound() {}

  /** The monitors board: every monitor with its state, last check and uptime ({@code engine.board()}). */
  default java.util.List<dev.vigil.engine.MonitorRow> monitors() {
    return java.util.List.of();
  }

  /** Checks one monitor now, besides its schedule. */
  default void checkNow(String monitorId) {}

  /** Pauses one monitor until {@code until}; false when it is not watched. */
  default boolean pauseMonitor(String monitorId, java.time.Instant until) {
    return false;
  }

  /** Ends a monitor's pause; true when it was paused. */
  default boolean resumeMonitor(String monitorId) {
    return false;
  }

  /** Whether Vigil starts with the desktop session. */
  default boolean autostart() {
    return false;
  }

  /** Turns starting with the desktop session on or off. */
  default void setAutostart(boolean on) {}

  /** Stops the engine and closes the store; called once when the user chooses Quit. */
  void shutdown();
}
