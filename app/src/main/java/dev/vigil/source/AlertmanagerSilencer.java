package dev.vigil.source;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertListener;
import dev.vigil.http.Web;
import dev.vigil.rules.SourceRule;
import dev.vigil.store.AlertDesk;
import dev.vigil.store.IntakeStore;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledge as silence: when an alert of one Alertmanager source is acknowledged (or snoozed) in Vigil, creates
 * a silence there for exactly that alert's labels, with the acknowledgement note as its comment, until
 * {@code silenceFor} later (a snooze: until the snooze ends); when it resolves, its snooze ends or it fires again
 * (un-acknowledged), expires that silence. Silence ids are kept in the {@link IntakeStore} so a restart can still
 * expire them. Acknowledgements that came from Alertmanager itself (actor "alertmanager") make no silence.
 *
 * <p>Listens on the engine's thread and returns at once; the HTTP calls run on its own thread. A failure is
 * logged and written to the alert's timeline ("silence failed"), never dropped silently.
 */
public final class AlertmanagerSilencer implements AlertListener, AutoCloseable {
  public static final Duration DEFAULT_SILENCE = Duration.ofHours(4);

  private static final Logger log = LoggerFactory.getLogger(AlertmanagerSilencer.class);

  private final SourceRule rule;
  private final AlertDesk store;
  private final IntakeStore intakeStore;
  private final Duration silenceFor;
  private final Clock clock;
  private final String createdBy;
  private final AlertmanagerClient client;
  private final String prefix;
  private final ExecutorService worker;

  /** Silences as {@code vigil@HOSTNAME}. */
  public AlertmanagerSilencer(SourceRule rule, AlertDesk store, IntakeStore intakeStore, Web web, Duration silenceFor, Clock clock) {
    this(rule, store, intakeStore, web, silenceFor, clock, "vigil@" + hostname());
  }

  public AlertmanagerSilencer(
      SourceRule rule, AlertDesk store, IntakeStore intakeStore, Web web, Duration silenceFor, Clock clock, String createdBy) {
    this.rule = rule;
    this.store = store;
    this.intakeStore = intakeStore;
    this.silenceFor = silenceFor;
    this.clock = clock;
    this.createdBy = createdBy;
    this.client = new AlertmanagerClient(rule.id(), rule.alertmanager(), web, Duration.ofSeconds(10));
    this.prefix = AlertmanagerSource.fingerprintPrefix(rule.id());
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "vigil-silencer-" + rule.id());
      t.setDaemon(true);
      return t;
    });
  }

  static String hostname() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) return env.strip();
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  @Override
  public void onChange(AlertChange change) {
    if (!change.alert().fingerprint().startsWith(prefix)) return;
    worker.execute(() -> handle(change));
  }

  /**
   * Goes by the alert's state, not only the change's kind: the engine may see an alert for the first time already
   * acknowledged (a FIRED change in state acknowledged), when the acknowledgement came within one of its polls.
   */
  private void handle(AlertChange change) {
    Alert alert = change.alert();
    try {
      switch (alert.state()) {
        case ACKNOWLEDGED -> silence(alert, change.kind());
        case RESOLVED -> expire(alert, "resolved");
        case FIRING -> expire(alert, change.kind() == AlertChange.Kind.SNOOZE_ENDED ? "snooze ended" : "firing again");
      }
    } catch (IOException | RuntimeException e) {
      log.warn("{}", e.getMessage());
      store.addEvent(new AlertEvent(alert.id(), clock.instant(), "silence failed", e.getMessage(), AlertmanagerSource.ACTOR));
    }
  }

  /**
   * Makes sure an acknowledged alert is silenced: creates a silence when there is none; replaces it when the
   * alert was just acknowledged or snoozed again (a snooze's silence ends with the snooze, an acknowledgement's
   * after {@code silenceFor}).
   */
  private void silence(Alert alert, AlertChange.Kind kind) throws IOException {
    Instant until = alert.snoozedUntil();
    Optional<AlertEvent> ack = latest(alert.id(), until == null ? "acknowledged" : "snoozed");
    if (ack.isPresent() && AlertmanagerSource.ACTOR.equals(ack.get().actor())) return;
    Optional<String> existing = intakeStore.silence(alert.id(), rule.id());
    if (existing.isPresent()) {
      if (kind != AlertChange.Kind.ACKNOWLEDGED && kind != AlertChange.Kind.SNOOZED) return;
      client.expireSilence(existing.get());
      intakeStore.removeSilence(alert.id(), rule.id());
    }
    Instant now = clock.instant();
    Instant endsAt = until != null ? until : now.plus(silenceFor);
    String by = ack.map(AlertEvent::actor).filter(a -> !a.isBlank()).orElse("someone");
    String comment;
    if (until != null) comment = "snoozed in Vigil by " + by + " until " + until;
    else comment = ack.map(AlertEvent::note).filter(n -> !n.isBlank()).orElse("acknowledged in Vigil by " + by);
    String id = client.createSilence(matchers(alert), now, endsAt, createdBy, comment);
    intakeStore.putSilence(alert.id(), rule.id(), id, now);
    store.addEvent(new AlertEvent(alert.id(), now, "silenced",
        "silence " + id + " in Alertmanager " + rule.id() + " until " + endsAt, AlertmanagerSource.ACTOR));
  }

  private void expire(Alert alert, String why) throws IOException {
    Optional<String> id = intakeStore.silence(alert.id(), rule.id());
    if (id.isEmpty()) return;
    client.expireSilence(id.get());
    intakeStore.removeSilence(alert.id(), rule.id());
    store.addEvent(new AlertEvent(alert.id(), clock.instant(), "silence expired",
        "silence " + id.get() + " in Alertmanager " + rule.id() + " expired: " + why, AlertmanagerSource.ACTOR));
  }

  private Optional<AlertEvent> latest(long alertId, String kind) {
    List<AlertEvent> timeline = store.timeline(alertId);
    for (int i = timeline.size() - 1; i >= 0; i--) {
      if (timeline.get(i).kind().equals(kind)) return Optional.of(timeline.get(i));
    }
    return Optional.empty();
  }

  /**
   * The alert's labels as Alertmanager has them (read back by fingerprint, so labels the source rule added are
   * not matched); when it is no longer there, Vigil's labels less those the rule added.
   */
  private Map<String, String> matchers(Alert alert) throws IOException {
    String fingerprint = alert.fingerprint().substring(prefix.length());
    for (AlertmanagerClient.AmAlert am : client.alerts(List.of())) {
      if (am.fingerprint().equals(fingerprint)) return am.labels();
    }
    Map<String, String> labels = new LinkedHashMap<>(alert.labels());
    rule.labels().forEach(labels::remove);
    return labels;
  }

  /**
   * {@code vigil silence add} for this Alertmanager: silences every alert whose labels equal these values, from
   * now for {@code duration}. Returns Alertmanager's silence id. Blocks: not for the engine's thread.
   */
  public String silenceMatching(Map<String, String> matchers, Duration duration, String comment) throws IOException {
    if (matchers.isEmpty()) throw new IllegalArgumentException("a silence needs at least one matcher");
    Instant now = clock.instant();
    String text = comment == null || comment.isBlank() ? "silenced from Vigil" : comment;
    return client.createSilence(matchers, now, now.plus(duration), createdBy, text);
  }

  /** Waits up to 5 s for silences in flight, then stops. */
  @Override
  public void close() {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) worker.shutdownNow();
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
