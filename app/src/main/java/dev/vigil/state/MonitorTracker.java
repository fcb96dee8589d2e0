package dev.vigil.state;

import java.time.Duration;

/**
 * Confirm and recover thresholds for one monitor. Not thread-safe: the engine's pipeline thread owns it.
 *
 * <p>A monitor fires after {@code confirm} failing checks in a row and resolves after {@code recover} passing
 * checks in a row. After a failure that is not yet confirmed, it asks for a quick re-check after
 * min(interval, 2 s), so a hard-down endpoint is confirmed in about interval + confirm x retry rather than
 * confirm x interval.
 */
public final class MonitorTracker {
  static final Duration MAX_RECHECK = Duration.ofSeconds(2);

  private final int confirm;
  private final int recover;
  private final Duration recheck;
  private boolean firing;
  private int failsInRow;
  private int passesInRow;
  private Boolean up;

  /**
   * @param firingAtStart true when the store still has an open alert for this monitor (after a restart), so
   *     further failures fold into it and passing checks resolve it
   */
  public MonitorTracker(int confirm, int recover, Duration interval, boolean firingAtStart) {
    if (confirm < 1 || recover < 1) throw new IllegalArgumentException("confirm and recover must be at least 1");
    this.confirm = confirm;
    this.recover = recover;
    this.recheck = interval.compareTo(MAX_RECHECK) < 0 ? interval : MAX_RECHECK;
    this.firing = firingAtStart;
    this.failsInRow = firingAtStart ? confirm : 0;
    this.up = firingAtStart ? Boolean.FALSE : null;
  }

  /** Folds one check result in and says what the engine must do. */
  public Step observe(boolean passed) {
    if (passed) {
      failsInRow = 0;
      passesInRow++;
      if (firing && passesInRow >= recover) {
        firing = false;
        return step(Transition.RECOVER, true, null);
      }
      if (!firing && up == null) return step(Transition.NONE, true, null);
      return step(Transition.NONE, up, null);
    }
    passesInRow = 0;
    failsInRow++;
    if (firing) return step(Transition.REPEAT, false, null);
    if (failsInRow >= confirm) {
      firing = true;
      return step(Transition.FIRE, false, null);
    }
    return step(Transition.NONE, up, recheck);
  }

  /** The open alert went away by hand while the monitor still fails: confirm again before firing anew. */
  public void alertClosedElsewhere() {
    firing = false;
    failsInRow = 0;
    passesInRow = 0;
  }

  public boolean firing() {
    return firing;
  }

  private Step step(Transition transition, Boolean nowUp, Duration recheckAfter) {
    boolean changed = nowUp != null && !nowUp.equals(up);
    if (nowUp != null) up = nowUp;
    return new Step(transition, changed ? nowUp : null, recheckAfter);
  }

  /** What happened to the monitor's alert. */
  public enum Transition {
    NONE,
    /** Confirmed: open an alert. */
    FIRE,
    /** Still failing while firing: fold into the open alert. */
    REPEAT,
    /** Recovered: resolve the open alert. */
    RECOVER
  }

  /**
   * @param wentUp TRUE or FALSE when the monitor's confirmed up/down state changed (record it), else null
   * @param recheckAfter when non-null, check again after this delay instead of waiting for the interval
   */
  public record Step(Transition transition, Boolean wentUp, Duration recheckAfter) {}
}
