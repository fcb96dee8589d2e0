package dev.vigil.engine;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.dedupe.Fingerprint;
import dev.vigil.evaluate.Verdict;
import dev.vigil.policy.MaintenanceRule;
import dev.vigil.policy.MaintenanceWindow;
import dev.vigil.rules.RuleSet;
import dev.vigil.state.RootCause;
import dev.vigil.rules.Monitor;
import dev.vigil.store.AlertReader;
import dev.vigil.store.MinuteStat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The monitors board: every monitor with its state, last check and uptime. A running engine keeps each monitor's
 * last verdict here; without one (the command line on a data folder nobody watches) the board is read from the
 * store's per-minute check history and open alerts alone.
 */
public final class MonitorBoard implements CheckListener {
  static final Duration DAY = Duration.ofHours(24);
  static final Duration WEEK = Duration.ofDays(7);

  /** A monitor's last check; {@code failingInRow} counts the failed checks since the last passing one. */
  record Last(Instant at, boolean passed, String summary, long latencyMs, int failingInRow) {}

  private final Map<String, Last> last = new ConcurrentHashMap<>();
  /** Each monitor's week of checks; guarded by itself. Read from the store once, then counted as checks commit. */
  private final Map<String, RecentChecks> recent = new HashMap<>();
  private final java.util.Set<String> seeded = ConcurrentHashMap.newKeySet();
  /** The minute the board began counting checks itself; the store is read for the minutes before it. */
  private volatile Instant counting;
  private List<MaintenanceRule> windowsOf;
  private List<MaintenanceWindow> windows = List.of();

  @Override
  public void committed(Monitor monitor, Verdict verdict) {
    Instant at = verdict.observation().at();
    last.compute(monitor.id(), (id, before) -> new Last(at, verdict.passed(), verdict.summary(),
        verdict.observation().latency().toMillis(), verdict.passed() ? 0 : (before == null ? 0 : before.failingInRow()) + 1));
    startCounting(at);
    if (at.isBefore(counting)) return; // a check that began before the first one committed: the store has it
    synchronized (recent) {
      recent.computeIfAbsent(monitor.id(), id -> new RecentChecks())
          .add(at, 1, verdict.passed() ? 0 : 1, verdict.observation().latency().toMillis());
    }
  }

  /**
   * The board counts checks itself from the minute of the first check committed (or of the first time it is asked
   * for): about 2.7 KB a monitor, 14 MB for 5,000, in exchange for reading no history while it runs.
   */
  private void startCounting(Instant now) {
    if (counting == null) {
      synchronized (this) {
        if (counting == null) counting = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
      }
    }
  }

  /** Forgets monitors no longer watched. */
  void keepOnly(java.util.Set<String> ids) {
    last.keySet().retainAll(ids);
    seeded.retainAll(ids);
    synchronized (recent) {
      recent.keySet().retainAll(ids);
    }
  }

  /** The board as a running engine sees it: no history is read but the week before the board began, once. */
  List<MonitorRow> rows(RuleSet rules, AlertReader store, Instant now, Map<String, Instant> paused,
      Function<String, Optional<Instant>> nextCheck) {
    startCounting(now);
    Map<String, RecentChecks> kept = new HashMap<>();
    for (Monitor m : rules.monitors()) {
      if (seeded.add(m.id())) {
        RecentChecks before;
        try {
          before = read(store, m.id(), now, counting);
        } catch (RuntimeException e) {
          seeded.remove(m.id()); // read again at the next refresh
          throw e;
        }
        synchronized (recent) {
          recent.merge(m.id(), before, RecentChecks::plus);
        }
      }
    }
    List<MonitorRow> out = new ArrayList<>(rules.monitors().size());
    List<Alert> open = store.openAlerts();
    synchronized (recent) {
      for (Monitor m : rules.monitors()) kept.put(m.id(), recent.getOrDefault(m.id(), new RecentChecks()));
      out.addAll(rows(rules.monitors(), last, null, now, paused, nextCheck, open, kept::get));
    }
    return situate(out, rules, open, now);
  }

  /**
   * The board from the store alone (null: no database yet): no next check, and the last check is the last minute
   * with checks in 24 h.
   */
  public static List<MonitorRow> fromStore(RuleSet rules, AlertReader store, Instant now) {
    Map<String, Instant> paused;
    try {
      paused = store == null ? Map.of() : store.paused(now);
    } catch (RuntimeException olderSchema) {
      paused = Map.of(); // a database no Vigil with pauses has opened yet
    }
    List<Alert> open = store == null ? List.of() : store.openAlerts();
    return situateOnce(rows(rules.monitors(), Map.of(), store, now, paused, id -> Optional.empty(), open,
        id -> store == null ? new RecentChecks() : read(store, id, now, now.plusSeconds(60))), rules, open, now);
  }

  /** A monitor's checks from the store: hours of the week before the last hour, then that hour's minutes. */
  private static RecentChecks read(AlertReader store, String id, Instant now, Instant until) {
    RecentChecks r = new RecentChecks();
    Instant hourAgo = now.minus(Duration.ofMinutes(RecentChecks.MINUTES - 1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    Instant split = hourAgo.isBefore(until) ? hourAgo : until;
    for (MinuteStat s : store.checkHours(id, now.minus(WEEK), split)) r.add(s);
    for (MinuteStat s : store.checkStats(id, split, until)) r.add(s);
    return r;
  }

  /**
   * @param store read for each monitor's last minute with checks when {@code live} has none (the board without an
   *     engine); null for a running board
   */
  private static List<MonitorRow> rows(List<Monitor> monitors, Map<String, Last> live, AlertReader store, Instant now,
      Map<String, Instant> paused, Function<String, Optional<Instant>> nextCheck, List<Alert> openAlerts,
      Function<String, RecentChecks> recent) {
    Map<String, Alert> open = new HashMap<>();
    for (Alert a : openAlerts) open.putIfAbsent(a.fingerprint(), a);
    List<MonitorRow> rows = new ArrayList<>(monitors.size());
    for (Monitor m : monitors) {
      Alert alert = open.get(Fingerprint.ofMonitor(m.id()));
      Last seen = live.containsKey(m.id()) ? live.get(m.id())
          : store == null ? null : fromMinutes(store.checkStats(m.id(), now.minus(DAY), now.plusSeconds(60)), alert);
      Instant pausedUntil = paused.get(m.id());
      boolean isPaused = pausedUntil != null && now.isBefore(pausedUntil);
      RecentChecks history = recent.apply(m.id());
      rows.add(new MonitorRow(m.id(), m.target().kind().label(), isPaused ? "paused" : state(m, seen, alert),
          seen == null ? null : seen.at(),
          seen == null ? null : seen.summary(),
          seen == null ? null : seen.latencyMs(),
          history.uptime(now, 24),
          isPaused ? pausedUntil : nextCheck.apply(m.id()).orElse(null),
          m.where().file().getFileName().toString(),
          m.where().line(),
          history.uptime(now, RecentChecks.HOURS),
          history.lastHour(now),
          m.runbook()));
    }
    return rows;
  }

  /**
   * Why a monitor is quiet, in place of its state: "in maintenance" while a maintenance window matches it (paused
   * monitors stay paused), else "held by PARENT" while it fails and a parent it depends on fails too.
   */
  private static List<MonitorRow> situateOnce(List<MonitorRow> rows, RuleSet rules, List<Alert> openAlerts, Instant now) {
    List<MaintenanceWindow> windows = rules.maintenance().stream().map(MaintenanceWindow::new).toList();
    return situate(rows, rules, openAlerts, now, windows);
  }

  private List<MonitorRow> situate(List<MonitorRow> rows, RuleSet rules, List<Alert> openAlerts, Instant now) {
    List<MaintenanceWindow> w;
    synchronized (this) {
      if (windowsOf != rules.maintenance()) {
        windowsOf = rules.maintenance();
        windows = windowsOf.stream().map(MaintenanceWindow::new).toList();
      }
      w = windows;
    }
    return situate(rows, rules, openAlerts, now, w);
  }

  private static List<MonitorRow> situate(List<MonitorRow> rows, RuleSet rules, List<Alert> openAlerts, Instant now,
      List<MaintenanceWindow> windows) {
    java.time.ZoneId zone = rules.policy().zone();
    List<MaintenanceWindow> open = windows.stream().filter(w -> w.at(now, zone).isPresent()).toList();
    Map<String, Alert> alerts = new HashMap<>();
    for (Alert a : openAlerts) alerts.putIfAbsent(a.fingerprint(), a);
    java.util.Set<String> failing = new java.util.HashSet<>();
    for (MonitorRow r : rows) if (isFailing(r.state())) failing.add(r.id());
    Map<String, Monitor> byId = new HashMap<>();
    for (Monitor m : rules.monitors()) byId.put(m.id(), m);
    List<MonitorRow> out = new ArrayList<>(rows.size());
    for (MonitorRow r : rows) {
      Monitor m = byId.get(r.id());
      Alert alert = alerts.get(Fingerprint.ofMonitor(r.id()));
      String state = r.state();
      if (!"paused".equals(state) && m != null && !open.isEmpty() && inMaintenance(m, alert, open, now)) {
        state = "in maintenance";
      } else if (isFailing(state) && !"acknowledged".equals(state)) {
        String held = alert != null && alert.heldBy() != null ? alert.heldBy()
            : RootCause.of(r.id(), rules.dependsOn(), failing::contains).orElse(null);
        if (held != null) state = "held by " + held;
      }
      out.add(state.equals(r.state()) ? r : r.withState(state));
    }
    return out;
  }

  private static boolean isFailing(String state) {
    return state.equals("firing") || state.startsWith("failing");
  }

  private static boolean inMaintenance(Monitor m, Alert alert, List<MaintenanceWindow> open, Instant now) {
    Alert probe = alert != null ? alert : new Alert(0, Fingerprint.ofMonitor(m.id()), m.id(), m.severity(),
        AlertState.FIRING, now, now, null, 1, "", Pipeline.labels(m), null, null);
    for (MaintenanceWindow w : open) if (w.matches(probe)) return true;
    return false;
  }

  /**
   * Heartbeats as board rows: firing or acknowledged while their alert is open, "not yet checked" before a first
   * ping, else up; the last check is the last ping, the next check the deadline for the next one.
   */
  public static List<MonitorRow> heartbeats(List<dev.vigil.heartbeat.HeartbeatWatch.Status> statuses, List<Alert> openAlerts) {
    Map<String, Alert> open = new HashMap<>();
    for (Alert a : openAlerts) open.putIfAbsent(a.fingerprint(), a);
    List<MonitorRow> rows = new ArrayList<>(statuses.size());
    for (var h : statuses) {
      Alert alert = open.get(dev.vigil.heartbeat.HeartbeatWatch.FINGERPRINT_PREFIX + h.id());
      String state = alert != null ? (alert.state() == AlertState.ACKNOWLEDGED ? "acknowledged" : "firing")
          : h.down() ? "firing" : h.lastPing() == null ? "not yet checked" : "up";
      String result = alert != null ? alert.summary() : h.lastPing() == null ? null : "ping";
      rows.add(new MonitorRow(h.id(), "heartbeat", state, h.lastPing(), result, null, null,
          h.deadline().equals(Instant.MAX) ? null : h.deadline(), h.where().file().getFileName().toString(), h.where().line()));
    }
    return rows;
  }

  /**
   * Alertmanager sources as board rows: "failing" with the reason while Vigil cannot read one, else up ("read");
   * their alerts are on the inbox, not here.
   */
  public static List<MonitorRow> sources(Map<dev.vigil.rules.SourceRule, String> problems) {
    List<MonitorRow> rows = new ArrayList<>(problems.size());
    problems.forEach((s, problem) -> rows.add(new MonitorRow(s.id(), "alertmanager", problem == null ? "up" : "failing",
        null, problem == null ? "read" : problem, null, null, null, s.where().file().getFileName().toString(), s.where().line())));
    return rows;
  }

  private static String state(Monitor m, Last seen, Alert alert) {
    if (alert != null) return alert.state() == AlertState.ACKNOWLEDGED ? "acknowledged" : "firing";
    if (seen == null) return "not yet checked";
    if (seen.passed()) return "up";
    return seen.failingInRow() > 0 ? "failing " + Math.min(seen.failingInRow(), m.confirm()) + "/" + m.confirm() : "failing";
  }

  /** The last minute with checks stands for the last check (its time is the minute's start). */
  private static Last fromMinutes(List<MinuteStat> day, Alert alert) {
    if (day.isEmpty()) return null;
    MinuteStat latest = day.get(day.size() - 1);
    boolean passed = latest.failures() == 0;
    String summary = passed ? "ok" : alert != null ? alert.summary() : "failed";
    return new Last(latest.minute(), passed, summary, Math.round(latest.averageLatencyMillis()), 0);
  }
}
