package dev.vigil.notify;

import dev.vigil.alert.AlertChange;
import dev.vigil.policy.Decision;
import dev.vigil.policy.MaintenanceWindow;
import dev.vigil.policy.OnCall;
import dev.vigil.policy.NoiseDecider;
import dev.vigil.policy.Policy;
import dev.vigil.policy.QuietMode;
import dev.vigil.policy.Silence;
import dev.vigil.policy.Situation;
import dev.vigil.store.PolicyStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The noise rules in force: the policy and its {@link NoiseDecider}, the monitors that break through quiet mode,
 * and manual quiet mode and silences as last read from the store. The policy and the breakthrough monitors are
 * guarded by the {@link Notifier}'s monitor; quiet mode and silences are re-read on every tick.
 */
final class PolicyInForce {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class); // one log for all of noise control

  private Policy policy;
  private NoiseDecider decider;
  private Set<String> breakthrough;
  private volatile QuietMode manualQuiet;
  private volatile List<Silence> silences = List.of();
  private List<MaintenanceWindow> maintenance = List.of();
  private volatile OnCall onCall = OnCall.always();

  PolicyInForce(Policy policy, Set<String> breakthroughMonitors) {
    update(policy, breakthroughMonitors);
  }

  void update(Policy newPolicy, Set<String> breakthroughMonitors) {
    this.policy = newPolicy;
    this.decider = new NoiseDecider(newPolicy);
    this.breakthrough = Set.copyOf(breakthroughMonitors);
  }

  /** Re-reads manual quiet mode and silences; keeps the last ones read when the store cannot be read. */
  void refresh(PolicyStore store, Instant now) {
    try {
      manualQuiet = store.quiet().orElse(null);
      silences = store.silences(now);
    } catch (RuntimeException e) {
      LOG.warn("Cannot read quiet mode and silences: {}", e.getMessage());
    }
  }

  /** The scheduled maintenance windows of the rules files. */
  void maintenance(List<MaintenanceWindow> windows) {
    this.maintenance = List.copyOf(windows);
  }

  /** When the person is on call (a rotation, or a calendar's last good copy); any thread. */
  void onCall(OnCall shifts) {
    this.onCall = shifts;
  }

  OnCall onCall() {
    return onCall;
  }

  /**
   * Why {@code severity} must not wake at {@code now}: the person is off call and {@code offShift} does not say it wakes
   * ({@code critical does not wake off shift (offShift: notify)}); empty on call, or when it wakes off shift too.
   */
  Optional<String> offShiftHolds(dev.vigil.alert.Severity severity, Instant now) {
    OnCall c = onCall;
    dev.vigil.policy.Level off = c.offShift(severity);
    if (c.at(now).onCall() || off == dev.vigil.policy.Level.WAKE) return Optional.empty();
    return Optional.of(severity.label() + " does not wake off shift (offShift: " + off.label() + ")");
  }

  /** The maintenance window open now that covers the alert, if any. */
  Optional<MaintenanceWindow.Occurrence> maintenance(dev.vigil.alert.Alert alert, Instant now) {
    return MaintenanceWindow.covering(maintenance, alert, now, policy.zone());
  }

  List<MaintenanceWindow> maintenanceWindows() {
    return maintenance;
  }

  Policy policy() {
    return policy;
  }

  ZoneId zone() {
    return policy.zone();
  }

  Decision decide(AlertChange change) {
    return decider.decide(change,
        new Situation(manualQuiet, silences, breakthrough.contains(change.alert().monitor()), maintenance, onCall));
  }

  boolean isOvernight(Instant now) {
    return decider.isOvernight(now);
  }

  /** Quiet mode in force at {@code now}: the manual one, else the policy's quiet hours. */
  Optional<QuietMode> quiet(Instant now) {
    return QuietMode.effective(manualQuiet, policy, now);
  }

  /** Quiet mode that holds back {@code monitor} at {@code now}: none for a breakthrough monitor. */
  Optional<QuietMode> quietFor(String monitor, Instant now) {
    return breakthrough.contains(monitor) ? Optional.empty() : quiet(now);
  }

  List<Silence> silences() {
    return silences;
  }

  QuietMode manualQuiet() {
    return manualQuiet;
  }
}
