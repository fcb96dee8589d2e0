package dev.vigil.cli;

import dev.vigil.alert.Severity;
import dev.vigil.os.DataFolder;
import dev.vigil.rules.HeartbeatRule;
import dev.vigil.rules.Monitor;
import dev.vigil.rules.RuleSet;
import dev.vigil.store.HistoryQuery;
import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The {@code --match KEY=VALUE} of {@code vigil silence add}: read, checked, and compared with what is watched. */
final class SilenceMatch {
  private SilenceMatch() {}

  /**
   * Every {@code --match}, all kept: different keys must all hold, the same key twice means either value
   * ({@code monitor=a|b}). A malformed one or an unknown severity is a usage mistake.
   */
  static Map<String, String> parse(List<String> matches) {
    Map<String, String> matchers = new LinkedHashMap<>();
    for (String m : matches) {
      int eq = m.indexOf('=');
      if (eq <= 0 || eq == m.length() - 1) throw Refused.usage("--match: \"" + m + "\" is not KEY=VALUE");
      String key = m.substring(0, eq).trim();
      String value = m.substring(eq + 1).trim();
      if (value.contains("|")) throw Refused.usage("--match: \"" + m + "\": give --match once per value instead of |");
      if (key.equals("severity") && !value.endsWith("*") && Severity.parse(value).isEmpty()) {
        throw Refused.usage("--match: severity \"" + value + "\" must be critical, warning or info");
      }
      matchers.merge(key, value, (a, b) -> a + "|" + b);
    }
    return matchers;
  }

  /**
   * A warning when {@code monitor=} names nothing Vigil knows: no monitor or heartbeat in the rules and no alert in
   * the data folder. Not refused: an Alertmanager alert's name is known only when it comes.
   */
  static Optional<String> unknownMonitor(Map<String, String> matchers, RuleSet rules, Path dataDir) {
    String monitors = matchers.get("monitor");
    if (monitors == null) return Optional.empty();
    for (String monitor : monitors.split("\\|")) {
      Optional<String> unknown = unknown(monitor, rules, dataDir);
      if (unknown.isPresent()) return unknown;
    }
    return Optional.empty();
  }

  private static Optional<String> unknown(String monitor, RuleSet rules, Path dataDir) {
    boolean prefix = monitor.endsWith("*");
    String stem = prefix ? monitor.substring(0, monitor.length() - 1) : monitor;
    boolean inRules = Stream.concat(rules.monitors().stream().map(Monitor::id), rules.heartbeats().stream().map(HeartbeatRule::id))
        .anyMatch(id -> prefix ? id.startsWith(stem) : id.equals(stem));
    if (inRules || !prefix && hasAlerts(dataDir, monitor)) return Optional.empty();
    return Optional.of("no monitor " + (prefix ? "starting with \"" + stem + "\"" : "\"" + monitor + "\"")
        + " in " + rules.dir() + " and no alert of it yet; the silence holds back its alerts when they come");
  }

  private static boolean hasAlerts(Path dataDir, String monitor) {
    if (!Files.isRegularFile(dataDir.resolve(DataFolder.DATABASE))) return false;
    try (SqliteStore store = SqliteStore.open(dataDir, Clock.systemUTC())) {
      return !store.history(new HistoryQuery(null, null, monitor, null, null, null, 1, null)).items().isEmpty();
    }
  }
}
