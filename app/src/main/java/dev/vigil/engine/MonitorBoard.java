package dev.vigil.engine;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.dedupe.Fingerprint;
import dev.vigil.evaluate.Verdict;
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

  /** A monitor's last check; {@code failingInRow} counts the failed checks since the last passing one. */
  record Last(Instant at, boolean passed, String summary, long latencyMs, int failingInRow) {}

  /** How long a running board keeps each monitor's 24-hour uptime before reading it again (a day of minutes each). */
  static final Duration UPTIME_KEPT = Duration.ofMinutes(1);

  private final Map<String, Last> last = new ConcurrentHashMap<>();
  private final Map<String, Double> uptimes = new ConcurrentHashMap<>();
  private volatile Instant uptimesRead = Instant.MIN;

  @Override
  public void committed(Monitor monitor, Verdict verdict) {
    last.compute(monitor.id(), (id, before) -> new Last(verdict.observation().at(), verdict.passed(), verdict.summary(),
        verdict.observation().latency().toMillis(), verdict.passed() ? 0 : (before == null ? 0 : before.failingInRow()) + 1));
  }

  /** Forgets monitors no longer watched. */
  void keepOnly(java.util.Set<String> ids) {
    last.keySet().retainAll(ids);
  }

  /** The board as a running engine sees it. */
  List<MonitorRow> rows(List<Monitor> monitors, AlertReader store, Instant now, Map<String, Instant> paused,
      Function<String, Optional<Instant>> nextCheck) {
    boolean stale = Duration.between(uptimesRead, now).compareTo(UPTIME_KEPT) >= 0 || now.isBefore(uptimesRead);
    if (stale) {
      uptimes.clear();
      uptimesRead = now;
    }
    Function<String, Double> uptime = id -> uptimes.computeIfAbsent(id,
        m -> Optional.ofNullable(uptime(store.checkStats(m, now.minus(DAY), now.plusSeconds(60)))).orElse(-1.0));
    return rows(monitors, last, null, now, paused, nextCheck, store.openAlerts(), id -> {
      double u = uptime.apply(id);
      return u < 0 ? null : u;
    });
  }

  /**
   * The board from the store alone (null: no database yet): no next check, and the last check is the last minute
   * with checks in 24 h.
   */
  public static List<MonitorRow> fromStore(List<Monitor> monitors, AlertReader store, Instant now) {
    Map<String, Instant> paused;
    try {
      paused = store == null ? Map.of() : store.paused(now);
    } catch (RuntimeException olderSchema) {
      paused = Map.of(); // a database no Vigil with pauses has opened yet
    }
    return rows(monitors, Map.of(), store, now, paused, id -> Optional.empty(),
        store == null ? List.of() : store.openAlerts(), null);
  }

  /**
   * @param store read for each monitor's day of minutes when {@code uptime} is null (the board without an engine)
   * @param uptime a monitor's 24-hour uptime kept by a running board, or null to read it with the minutes
   */
  private static List<MonitorRow> rows(List<Monitor> monitors, Map<String, Last> live, AlertReader store, Instant now,
      Map<String, Instant> paused, Function<String, Optional<Instant>> nextCheck, List<Alert> openAlerts,
      Function<String, Double> uptime) {
    Map<String, Alert> open = new HashMap<>();
    for (Alert a : openAlerts) open.putIfAbsent(a.fingerprint(), a);
    List<MonitorRow> rows = new ArrayList<>(monitors.size());
    for (Monitor m : monitors) {
      List<MinuteStat> day = store == null ? List.of() : store.checkStats(m.id(), now.minus(DAY), now.plusSeconds(60));
      Alert alert = open.get(Fingerprint.ofMonitor(m.id()));
      Last seen = live.containsKey(m.id()) ? live.get(m.id()) : fromMinutes(day, alert);
      Instant pausedUntil = paused.get(m.id());
      boolean isPaused = pausedUntil != null && now.isBefore(pausedUntil);
      rows.add(new MonitorRow(m.id(), m.target().kind().label(), isPaused ? "paused" : state(m, seen, alert),
          seen == null ? null : seen.at(),
          seen == null ? null : seen.summary(),
          seen == null ? null : seen.latencyMs(),
          uptime == null ? uptime(day) : uptime.apply(m.id()),
          isPaused ? pausedUntil : nextCheck.apply(m.id()).orElse(null),
          m.where().file().getFileName().toString(),
          m.where().line()));
    }
    return rows;
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

  private static Double uptime(List<MinuteStat> day) {
    long checks = 0;
    long failures = 0;
    for (MinuteStat s : day) {
      checks += s.checks();
      failures += s.failures();
    }
    return checks == 0 ? null : Math.round(10_000.0 * (checks - failures) / checks) / 10_000.0;
  }
}
