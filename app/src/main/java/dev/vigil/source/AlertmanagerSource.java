package dev.vigil.source;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.ExternalAlert;
import dev.vigil.alert.Intake;
import dev.vigil.http.Web;
import dev.vigil.rules.SourceRule;
import dev.vigil.source.AlertmanagerClient.AmAlert;
import dev.vigil.store.AlertDesk;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus Alertmanager as a source of alerts: every {@code interval} it reads the active alerts
 * ({@code GET /api/v2/alerts}, filtered by the rule's matchers) and makes Vigil's alerts agree with them:
 * a new or changed alert goes to the intake, one gone from the list resolves, and one Alertmanager shows as
 * silenced is acknowledged in Vigil (by "alertmanager"), so every desktop watching the same Alertmanager shares
 * acknowledgements. Fingerprints are {@code am:SOURCE:FINGERPRINT}; a poll only compares with the store, so a
 * restart duplicates nothing.
 */
public final class AlertmanagerSource implements AutoCloseable {
  /** The actor of acknowledgements that came from an Alertmanager silence. */
  public static final String ACTOR = "alertmanager";

  private static final Logger log = LoggerFactory.getLogger(AlertmanagerSource.class);

  /** What one poll did. */
  public record PollResult(int active, int received, int resolved, int acknowledged) {}

  private final SourceRule rule;
  private final Intake intake;
  private final AlertDesk store;
  private final Clock clock;
  private final AlertmanagerClient client;
  private final String prefix;
  private ScheduledExecutorService scheduler;
  private volatile String problem;

  public AlertmanagerSource(SourceRule rule, Intake intake, AlertDesk store, Web web, Clock clock) {
    this.rule = rule;
    this.intake = intake;
    this.store = store;
    this.clock = clock;
    this.client = new AlertmanagerClient(rule.id(), rule.alertmanager(), web, timeout(rule.interval()));
    this.prefix = fingerprintPrefix(rule.id());
  }

  static Duration timeout(Duration interval) {
    Duration tenSeconds = Duration.ofSeconds(10);
    return interval.compareTo(tenSeconds) < 0 && !interval.isZero() ? interval.plusSeconds(1) : tenSeconds;
  }

  /** {@code am:SOURCE:}: what the fingerprints of this source's alerts start with. */
  public static String fingerprintPrefix(String sourceId) {
    return "am:" + sourceId + ":";
  }

  /** The Vigil source name of this source's alerts: {@code alertmanager:SOURCE}. */
  public static String sourceName(String sourceId) {
    return "alertmanager:" + sourceId;
  }

  public String id() {
    return rule.id();
  }

  /** Polls now, once. Nothing resolves when Alertmanager cannot be read: the exception says why. */
  public synchronized PollResult poll() throws IOException {
    List<AmAlert> active = client.alerts(rule.matchers());
    Instant now = clock.instant();
    int received = 0;
    int acknowledged = 0;
    Set<String> present = new HashSet<>();
    for (AmAlert am : active) {
      ExternalAlert alert = AlertmanagerAlerts.toExternal(prefix + am.fingerprint(), am.labels(), am.annotations(), false, now,
          sourceName(rule.id()), rule.labels());
      present.add(alert.fingerprint());
      Optional<Alert> open = store.findOpen(alert.fingerprint());
      if (open.isEmpty() || changed(open.get(), alert)) {
        open = intake.receive(alert);
        received++;
      }
      if (am.silenced() && open.isPresent() && open.get().state() == AlertState.FIRING) {
        String by = silencer(am.silencedBy());
        if (store.acknowledge(open.get().id(), "silenced in Alertmanager by " + by, ACTOR, now).isPresent()) acknowledged++;
      }
    }
    int resolved = 0;
    for (Alert gone : store.openAlerts()) {
      if (!gone.fingerprint().startsWith(prefix) || present.contains(gone.fingerprint())) continue;
      intake.receive(new ExternalAlert(gone.fingerprint(), gone.monitor(), gone.severity(), "gone from Alertmanager " + rule.id(),
          gone.labels(), true, now, sourceName(rule.id())));
      resolved++;
    }
    return new PollResult(active.size(), received, resolved, acknowledged);
  }

  /**
   * Only the summary can change for one fingerprint (Alertmanager's fingerprint is a hash of the labels, the
   * severity among them), and it is all that folding into an open alert updates: comparing more would send the
   * same alert again at every poll.
   */
  private static boolean changed(Alert open, ExternalAlert now) {
    return !open.summary().equals(now.summary());
  }

  /** Who made the first silence that still silences it, as Alertmanager says; "someone" when it cannot tell. */
  private String silencer(List<String> silenceIds) {
    for (String id : silenceIds) {
      try {
        Optional<AlertmanagerClient.AmSilence> silence = client.silence(id);
        if (silence.isPresent() && !silence.get().createdBy().isBlank()) return silence.get().createdBy();
      } catch (IOException e) {
        log.debug("cannot read silence {}: {}", id, e.getMessage());
      }
    }
    return "someone";
  }

  /** Polls every {@code interval} on its own daemon thread until closed. */
  public synchronized void start() {
    if (scheduler != null) return;
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigil-alertmanager-" + rule.id());
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(this::pollLogged, 0, rule.interval().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pollLogged() {
    try {
      poll();
      if (problem != null) log.info("alertmanager {}: reachable again", rule.id());
      problem = null;
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage();
      if (!message.equals(problem)) log.warn("{}", message);
      problem = message;
    }
  }

  /**
   * Why the last poll failed (e.g. {@code alertmanager team (http://127.0.0.1:9093): GET /api/v2/alerts:
   * connection refused}), or empty while polls succeed: for the self-monitor, so Vigil says when it cannot watch.
   */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) scheduler.shutdownNow();
    scheduler = null;
  }
}
