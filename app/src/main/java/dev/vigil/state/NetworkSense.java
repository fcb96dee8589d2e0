package dev.vigil.state;

import dev.vigil.check.FailureClass;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells "this machine's network is down" apart from many services failing: when every monitor's latest check
 * failed to reach its host (dns, connect, timeout) and there are at least two monitors, or a canary monitor
 * (label {@code canary: "true"}, e.g. a well-known public endpoint) is among them, the problem is most likely
 * here. Not thread-safe: the engine's pipeline thread owns it.
 */
public final class NetworkSense {
  static final Set<FailureClass> UNREACHABLE = EnumSet.of(FailureClass.DNS, FailureClass.CONNECT, FailureClass.TIMEOUT);

  private final Map<String, FailureClass> latest = new HashMap<>();
  private final Map<String, Boolean> passed = new HashMap<>();
  private Set<String> canaries = Set.of();

  /** The monitors to expect, and which of them are canaries; forgets monitors no longer in the rules. */
  public void configure(Set<String> monitors, Set<String> canaryMonitors) {
    latest.keySet().retainAll(monitors);
    passed.keySet().retainAll(monitors);
    canaries = Set.copyOf(canaryMonitors);
  }

  /** One check result: passed, or failed with this class. */
  public void observe(String monitor, boolean ok, FailureClass failure) {
    passed.put(monitor, ok);
    if (ok) latest.remove(monitor);
    else latest.put(monitor, failure);
  }

  /** Why the network looks down, or empty while any monitor gets through (or too few were checked). */
  public Optional<String> down() {
    if (passed.isEmpty() || passed.containsValue(Boolean.TRUE)) return Optional.empty();
    boolean allUnreachable = latest.values().stream().allMatch(UNREACHABLE::contains);
    if (!allUnreachable || latest.size() != passed.size()) return Optional.empty();
    boolean canaryDown = canaries.stream().anyMatch(latest::containsKey);
    if (passed.size() < 2 && !canaryDown) return Optional.empty();
    return Optional.of("this machine's network is down: all " + passed.size() + " monitors fail to connect"
        + (canaryDown ? ", the canary included" : ""));
  }
}
