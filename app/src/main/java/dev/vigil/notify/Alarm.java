package dev.vigil.notify;

import java.time.Duration;

/** The sound: a short chime by day, a looping alarm that grows louder overnight. Every method returns at once. */
public interface Alarm {
  /** A short two-note chime; does nothing while the alarm sounds. */
  void chime();

  /** Starts the looping alarm at 40 % and rises to full volume over {@code rampUp}; no-op if already sounding. */
  void start(Duration rampUp);

  /** Silences the alarm within a second. */
  void stop();

  boolean isSounding();

  /** A sound that only logs, for headless runs and machines without audio. */
  Alarm SILENT = new Alarm() {
    private volatile boolean on;

    @Override
    public void chime() {}

    @Override
    public void start(Duration rampUp) {
      on = true;
    }

    @Override
    public void stop() {
      on = false;
    }

    @Override
    public boolean isSounding() {
      return on;
    }
  };
}
