package dev.vigil.ui;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.policy.Decision;
import dev.vigil.policy.MaintenanceWindow;
import dev.vigil.policy.OnCall;
import dev.vigil.policy.NoiseDecider;
import dev.vigil.policy.Policy;
import dev.vigil.policy.QuietMode;
import dev.vigil.policy.Silence;
import dev.vigil.policy.Situation;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The noise rules the notifier acts on, as they stand: the policy, manual quiet mode, the active silences and the
 * monitors that break through quiet mode. Decisions come from the notifier's own {@link NoiseDecider}; a value, so
 * the feed republishes when any of it changes.
 *
 * @param manualQuiet quiet mode turned on by hand, or null
 */
public record NoiseRules(
    Policy policy, QuietMode manualQuiet, List<Silence> silences, Set<String> breakthrough, List<MaintenanceWindow> maintenance,
    OnCall onCall) {
  public NoiseRules {
    silences = List.copyOf(silences);
    breakthrough = Set.copyOf(breakthrough);
    maintenance = List.copyOf(maintenance);
    onCall = onCall == null ? OnCall.always() : onCall;
  }

  /** No scheduled maintenance. */
  public NoiseRules(Policy policy, QuietMode manualQuiet, List<Silence> silences, Set<String> breakthrough) {
    this(policy, manualQuiet, silences, breakthrough, List.of(), OnCall.always());
  }

  /** The default policy in {@code zone}, no quiet mode, no silences. */
  public static NoiseRules calm(ZoneId zone) {
    return new NoiseRules(Policy.defaults(zone), null, List.of(), Set.of());
  }

  /** What the notifier would do if {@code alert} fired at {@code now}. */
  public Decision decide(Alert alert, Instant now) {
    return new NoiseDecider(policy).decide(new AlertChange(AlertChange.Kind.FIRED, alert, now),
        new Situation(manualQuiet, silences, breakthrough.contains(alert.monitor()), maintenance, onCall));
  }

  public boolean isOvernight(Instant now) {
    return new NoiseDecider(policy).isOvernight(now);
  }

  /** The silence that holds {@code alert} back at {@code now}, if any (the one the decider names). */
  public Optional<Silence> silencing(Alert alert, Instant now) {
    return Silence.firstMatch(silences, alert, now);
  }

  /** The maintenance window that holds {@code alert} back at {@code now}, if any. */
  public Optional<MaintenanceWindow.Occurrence> inMaintenance(Alert alert, Instant now) {
    return MaintenanceWindow.covering(maintenance, alert, now, policy.zone());
  }

  /** Quiet mode in force at {@code now}, manual or the policy's quiet hours. */
  public Optional<QuietMode> quiet(Instant now) {
    return QuietMode.effective(manualQuiet, policy, now);
  }
}
