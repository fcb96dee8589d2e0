package dev.vigil.ui;

/** What the tray menu and the status window can ask for; the app's {@code Shell} does it. Called on the FX thread. */
public interface DeskActions {
  /** The monitors board: what is watched and how it is doing. */
  default void openMonitors() {}

  void openInbox();

  void acknowledgeAll();

  void quietOneHour();

  void quietUntilMorning();

  void quietOff();

  /** Asks which monitor to silence, and for how long. */
  void silenceMonitor();

  void openHistory();

  void openSettings();

  void quit();
}
