package dev.vigil.policy;

import java.util.List;

/**
 * What the decider needs besides the policy and the change: the manual quiet mode (null when off), the
 * silences, and whether the alert's monitor may break through quiet mode.
 */
public record Situation(
    QuietMode manualQuiet, List<Silence> silences, boolean breakthrough, List<MaintenanceWindow> maintenance) {
  public static final Situation CALM = new Situation(null, List.of(), false);

  public Situation {
    silences = List.copyOf(silences);
    maintenance = List.copyOf(maintenance);
  }

  /** No scheduled maintenance. */
  public Situation(QuietMode manualQuiet, List<Silence> silences, boolean breakthrough) {
    this(manualQuiet, silences, breakthrough, List.of());
  }
}
