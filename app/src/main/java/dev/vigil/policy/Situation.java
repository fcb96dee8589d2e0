package dev.vigil.policy;

import java.util.List;

/**
 * What the decider needs besides the policy and the change: the manual quiet mode (null when off), the
 * silences, whether the alert's monitor may break through quiet mode, the scheduled maintenance windows, and when
 * the person is on call.
 */
public record Situation(
    QuietMode manualQuiet, List<Silence> silences, boolean breakthrough, List<MaintenanceWindow> maintenance, OnCall onCall) {
  public static final Situation CALM = new Situation(null, List.of(), false);

  public Situation {
    silences = List.copyOf(silences);
    maintenance = List.copyOf(maintenance);
    onCall = onCall == null ? OnCall.always() : onCall;
  }

  /** No scheduled maintenance. */
  public Situation(QuietMode manualQuiet, List<Silence> silences, boolean breakthrough) {
    this(manualQuiet, silences, breakthrough, List.of(), OnCall.always());
  }
}
