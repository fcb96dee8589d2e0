package dev.vigil.heartbeat;

import dev.vigil.config.Durations;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.vigil.alert.ExternalAlert;
import dev.vigil.alert.Severity;
import dev.vigil.rules.HeartbeatRule;
import dev.vigil.store.IntakeStore;
import dev.vigil.store.IntakeStore.HeartbeatState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Heartbeats with Healthchecks.io semantics: a heartbeat that got no ping by its deadline fires once; the next
 * ping resolves it. The deadline is the last ping (or, before any ping, the time Vigil began watching) plus
 * {@code every} plus {@code grace}; for a {@code cron} heartbeat, the first cron time after the last ping plus
 * {@code grace}. The last ping and whether the heartbeat is down are kept in the {@link IntakeStore}, so a
 * restart neither forgets a ping nor fires twice. A heartbeat removed from the rules while down resolves.
 *
 * <p>The engine calls {@link #ping} from {@code Intake.heartbeat}, then {@link #evaluate} right after each ping
 * and about once a second, handing each returned alert to {@code Intake.receive}.
 */
public final class HeartbeatWatch {
  /** Fingerprints of heartbeat alerts start with this, followed by the heartbeat id. */
  public static final String FINGERPRINT_PREFIX = "heartbeat:";

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HeartbeatWatch.class);
  private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Map<String, Watched> watched = new LinkedHashMap<>();
  private final IntakeStore store;
  private final ZoneId zone;
  private final Map<String, HeartbeatState> states = new HashMap<>();
  /** Heartbeats down when they left the rules: their alerts resolve at the next evaluation. */
  private final List<HeartbeatState> retired = new ArrayList<>();
  /** Heartbeats whose evaluation failed, each logged once: one broken rule never stops the others. */
  private final java.util.Set<String> broken = new java.util.HashSet<>();

  /**
   * Starts watching: a heartbeat never pinged before starts its clock at {@code clock.instant()}. Cron times are
   * read in the clock's zone (the policy time zone).
   *
   * @throws IllegalArgumentException when a cron expression does not parse (rules validation should have said so)
   */
  public HeartbeatWatch(List<HeartbeatRule> rules, IntakeStore store, Clock clock) {
    this.store = store;
    this.zone = clock.getZone();
    Instant start = clock.instant();
    for (HeartbeatRule rule : rules) {
      Watched w = new Watched(rule, rule.cron() == null ? null : ExecutionTime.forCron(parseCron(rule)));
      watched.put(rule.id(), w);
      HeartbeatState state = store.heartbeat(rule.id()).orElse(null);
      if (state == null) {
        state = new HeartbeatState(rule.id(), null, start, false);
        store.saveHeartbeat(state);
      }
      states.put(rule.id(), state);
    }
    for (HeartbeatState state : store.heartbeats()) {
      if (state.down() && !watched.containsKey(state.id())) retired.add(state);
    }
  }

  private static Cron parseCron(HeartbeatRule rule) {
    try {
      return CRON.parse(rule.cron());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("heartbeat " + rule.id() + ": cron \"" + rule.cron() + "\": " + e.getMessage(), e);
    }
  }

  /** Whether a heartbeat with this id is watched. */
  public boolean knows(String id) {
    return watched.containsKey(id);
  }

  /** Records a ping; false (and nothing recorded) when no heartbeat has this id. */
  public synchronized boolean ping(String id, Instant at) {
    HeartbeatState state = states.get(id);
    if (state == null) return false;
    if (state.lastPing() != null && at.isBefore(state.lastPing())) return true;
    HeartbeatState next = new HeartbeatState(id, at, state.watchingSince(), state.down());
    store.saveHeartbeat(next);
    states.put(id, next);
    return true;
  }

  /**
   * The alerts due at {@code now}: a firing alert for each heartbeat past its deadline that is not down yet, a
   * resolved one for each down heartbeat pinged since. Each is returned once; the change is persisted first.
   */
  public synchronized List<ExternalAlert> evaluate(Instant now) {
    List<ExternalAlert> due = new ArrayList<>();
    for (HeartbeatState gone : retired) {
      due.add(new ExternalAlert(FINGERPRINT_PREFIX + gone.id(), gone.id(), Severity.WARNING,
          "heartbeat: " + gone.id() + " is no longer in the rules", Map.of("heartbeat", gone.id()), true, now, "heartbeat"));
      store.saveHeartbeat(new HeartbeatState(gone.id(), gone.lastPing(), gone.watchingSince(), false));
    }
    retired.clear();
    for (Watched w : watched.values()) {
      try {
        evaluate(w, now, due);
      } catch (RuntimeException e) {
        if (broken.add(w.rule.id())) log.warn("heartbeat {}: cannot evaluate: {}", w.rule.id(), e.toString());
      }
    }
    return due;
  }

  private void evaluate(Watched w, Instant now, List<ExternalAlert> due) {
    HeartbeatState state = states.get(w.rule.id());
    Instant deadline = deadline(w, state);
    boolean late = now.isAfter(deadline);
    if (late && !state.down()) {
      due.add(alert(w.rule, false, missedSummary(w, state, now), now));
      mark(state, true);
    } else if (!late && state.down()) {
      due.add(alert(w.rule, true, "heartbeat: ping from " + w.rule.id() + " at " + when(state.lastPing(), now), now));
      mark(state, false);
    }
  }

  /**
   * One heartbeat as the monitors board shows it.
   *
   * @param lastPing the last ping, or null when none came since it was first watched
   * @param deadline when it goes down if no ping comes
   */
  public record Status(String id, Instant lastPing, Instant deadline, boolean down, dev.vigil.config.Location where) {}

  /** Every heartbeat watched, in the order of the rules. */
  public synchronized List<Status> statuses() {
    List<Status> out = new ArrayList<>();
    for (Watched w : watched.values()) {
      HeartbeatState state = states.get(w.rule.id());
      out.add(new Status(w.rule.id(), state.lastPing(), deadline(w, state), state.down(), w.rule.where()));
    }
    return out;
  }

  /** When the heartbeat goes down if no ping comes; for tests and for scheduling the next evaluation. */
  public synchronized Optional<Instant> deadline(String id) {
    Watched w = watched.get(id);
    return w == null ? Optional.empty() : Optional.of(deadline(w, states.get(id)));
  }

  private Instant deadline(Watched w, HeartbeatState state) {
    Instant from = state.lastPing() != null ? state.lastPing() : state.watchingSince();
    HeartbeatRule rule = w.rule;
    if (w.cron == null) return from.plus(rule.every()).plus(rule.grace());
    Optional<ZonedDateTime> next = w.cron.nextExecution(from.atZone(zone));
    return next.map(t -> t.toInstant().plus(rule.grace())).orElse(Instant.MAX);
  }

  private void mark(HeartbeatState state, boolean down) {
    HeartbeatState next = new HeartbeatState(state.id(), state.lastPing(), state.watchingSince(), down);
    store.saveHeartbeat(next);
    states.put(state.id(), next);
  }

  private String missedSummary(Watched w, HeartbeatState state, Instant now) {
    HeartbeatRule rule = w.rule;
    String since = state.lastPing() != null
        ? "since " + when(state.lastPing(), now)
        : "since watching began at " + when(state.watchingSince(), now);
    String expected = w.cron == null ? "every " + format(rule.every()) : "at cron \"" + rule.cron() + "\"";
    return "heartbeat: no ping from " + rule.id() + " " + since + " (expected " + expected + ", grace " + format(rule.grace()) + ")";
  }

  private String when(Instant at, Instant now) {
    ZonedDateTime t = at.atZone(zone);
    LocalDate today = now.atZone(zone).toLocalDate();
    return t.toLocalDate().equals(today) ? TIME.format(t) : DATE_TIME.format(t);
  }

  private static ExternalAlert alert(HeartbeatRule rule, boolean resolved, String summary, Instant now) {
    Map<String, String> labels = new LinkedHashMap<>(rule.labels());
    labels.putIfAbsent("heartbeat", rule.id());
    return new ExternalAlert(FINGERPRINT_PREFIX + rule.id(), rule.id(), rule.severity(), summary, labels, resolved, now, "heartbeat");
  }

  /** {@code 24h}, {@code 90m}, {@code 30s}, {@code 1h30m}: hours as the largest unit, as people say them. */
  static String format(Duration d) {
    return Durations.format(d, java.time.temporal.ChronoUnit.HOURS);
  }

  private record Watched(HeartbeatRule rule, ExecutionTime cron) {}
}
