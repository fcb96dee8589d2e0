package dev.vigil.state;

import dev.vigil.check.Reach;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides "this machine's network is down" from evidence about this machine, never from a count of failing
 * services. A far end that answered (a response, a refused or reset connection) proves the path works, so:
 *
 * <ul>
 *   <li>while any monitor's host answers, the network is up;
 *   <li>monitors on this machine's loopback prove nothing either way and are never explained by the network;
 *   <li>when every other monitor gets no answer (no route, no name, timeout), the network is down only with
 *       evidence about this machine: it has no route beyond loopback ({@link LocalNetwork}), or a canary
 *       (label {@code canary: "true"}) gets no answer either, or every host name fails to resolve (two or more).
 * </ul>
 *
 * Without such evidence, services that all fail together are an outage, and they wake the person. Not
 * thread-safe: the engine's pipeline thread owns it.
 */
public final class NetworkSense {
  private static final Pattern LOOPBACK =
      Pattern.compile("(?i)localhost|.*\\.localhost|127(\\.\\d{1,3}){3}|\\[?::1]?|\\[?0*:0*:0*:0*:0*:0*:0*:0*1]?");
  private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9a-fA-F:]*:[0-9a-fA-F:.]*]?");

  /** Evidence about this machine itself: why it has no usable network, or empty when it has one. */
  @FunctionalInterface
  public interface LocalNetwork {
    Optional<String> unusable();
  }

  /** Where a monitor's checks go: its host (null when it has none) and whether it is a canary. */
  public record Target(String host, boolean canary) {
    /** True for this machine's own loopback: a failure there says nothing about the network. */
    public boolean loopback() {
      return host != null && LOOPBACK.matcher(host).matches();
    }

    boolean named() {
      return host != null && !IP_LITERAL.matcher(host).matches();
    }
  }

  /** The network is down: why, and the monitors whose failures it explains (no others are held back). */
  public record Offline(String reason, Set<String> monitors) {
    public Offline {
      monitors = Set.copyOf(monitors);
    }

    public boolean explains(String monitor) {
      return monitors.contains(monitor);
    }
  }

  private final LocalNetwork local;
  private Map<String, Target> targets = Map.of();
  /** The monitors off this machine: the only ones whose checks are evidence (worked out once per configure). */
  private Set<String> remote = Set.of();
  /** The latest reach of each monitor not on loopback. */
  private final Map<String, Reach> latest = new HashMap<>();
  private int answered;

  public NetworkSense(LocalNetwork local) {
    this.local = local;
  }

  /** The monitors to expect; forgets monitors no longer in the rules. */
  public void configure(Map<String, Target> now) {
    targets = Map.copyOf(now);
    Set<String> off = new HashSet<>();
    targets.forEach((id, t) -> {
      if (!t.loopback()) off.add(id);
    });
    remote = Set.copyOf(off);
    latest.keySet().retainAll(remote);
    answered = (int) latest.values().stream().filter(r -> r == Reach.ANSWERED).count();
  }

  /** One check result: how far it got. */
  public void observe(String monitor, Reach reach) {
    if (!remote.contains(monitor)) return;
    Reach before = latest.put(monitor, reach);
    if (before == Reach.ANSWERED) answered--;
    if (reach == Reach.ANSWERED) answered++;
  }

  /** Why this machine's network is down, or empty while any host answers or nothing here says so. */
  public Optional<Offline> down() {
    if (latest.isEmpty() || answered > 0) return Optional.empty();
    String all = latest.size() == 1 ? "its one monitor gets no answer" : "all " + latest.size() + " monitors get no answer";
    Optional<String> here = local.unusable();
    if (here.isPresent()) return offline(here.get() + "; " + all);
    Set<String> canaries = new TreeSet<>();
    Set<String> names = new HashSet<>();
    boolean everyNameFails = true;
    for (Map.Entry<String, Reach> e : latest.entrySet()) {
      Target t = targets.get(e.getKey());
      if (t.canary()) canaries.add(e.getKey());
      if (t.named()) {
        names.add(t.host().toLowerCase(java.util.Locale.ROOT));
        if (e.getValue() != Reach.NO_NAME) everyNameFails = false;
      }
    }
    if (!canaries.isEmpty()) {
      return offline("the canary " + String.join(", ", canaries) + " gets no answer; " + all);
    }
    if (everyNameFails && names.size() >= 2) {
      return offline("no host name resolves (" + names.size() + " tried); " + all);
    }
    return Optional.empty();
  }

  private Optional<Offline> offline(String why) {
    return Optional.of(new Offline("this machine's network is down: " + why, latest.keySet()));
  }
}
