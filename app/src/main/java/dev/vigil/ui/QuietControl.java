package dev.vigil.ui;

import java.time.Duration;

/** Quiet mode as the tray and settings see it; the engine wires it to the real policy. */
public interface QuietControl {
  void quietFor(Duration duration);

  /** Quiet until the end of the overnight window (the next morning). */
  void quietUntilMorning();

  void quietOff();

  QuietStatus quietStatus();
}
