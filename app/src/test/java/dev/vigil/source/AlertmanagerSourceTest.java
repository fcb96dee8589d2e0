package dev.vigil.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.http.Web;
import dev.vigil.rules.SourceRule;
import dev.vigil.store.IntakeStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Against a real Alertmanager, started for each test by {@link AlertmanagerProcess}. */
class AlertmanagerSourceTest {
  private static final Web WEB = Web.create();
  private static final Map<String, String> LATENCY =
      Map.of("alertname", "HighLatency", "severity", "critical", "service", "payments");
  private static final Map<String, String> LATENCY_TEXT = Map.of("summary", "p99 latency 2.3s", "description", "for 10 minutes");

  @RegisterExtension final AlertmanagerProcess alertmanager = new AlertmanagerProcess();
  @TempDir Path temp;
  private final List<AutoCloseable> open = new ArrayList<>();

  /** One Vigil: its store (in memory), its intake database, its source and its silencer. */
  final class Desktop {
    final MemoryVigil vigil = new MemoryVigil();
    final IntakeStore intakeStore;
    final AlertmanagerSource source;
    final AlertmanagerSilencer silencer;

    Desktop(String name, Duration interval, List<String> matchers) {
      SourceRule rule = new SourceRule("team", alertmanager.url(), interval, matchers, Map.of("via", "vigil"), null);
      intakeStore = IntakeStore.open(temp.resolve(name));
      source = new AlertmanagerSource(rule, vigil, vigil, WEB, Clock.systemUTC());
      silencer = new AlertmanagerSilencer(rule, vigil, intakeStore, WEB, AlertmanagerSilencer.DEFAULT_SILENCE, Clock.systemUTC(), "vigil@" + name);
      vigil.listen(silencer);
      open.add(source);
      open.add(silencer);
      open.add(intakeStore);
    }

    Alert only() {
      assertThat(vigil.openAlerts()).hasSize(1);
      return vigil.openAlerts().get(0);
    }
  }

  private Desktop desktop(String name) {
    return new Desktop(name, Duration.ofSeconds(1), List.of());
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) c.close();
  }

  private List<JsonNode> silences(String state) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode s : alertmanager.silences()) if (s.path("status").path("state").asText().equals(state)) out.add(s);
    return out;
  }

  @Test
  void anAlertFiredInAlertmanagerAppearsWithinThePollIntervalPlusOneSecond() throws Exception {
    Desktop desk = desktop("desk-a");
    desk.source.start();
    Thread.sleep(300); // the first poll has run: the alert must come with a later one
    alertmanager.fire(LATENCY, LATENCY_TEXT);
    long fired = System.nanoTime();

    await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> !desk.vigil.openAlerts().isEmpty());
    System.out.printf("alertmanager -> vigil in %d ms (poll interval 1 s)%n", (System.nanoTime() - fired) / 1_000_000);
    Alert alert = desk.only();
    String fingerprint = alertmanager.alerts().get(0).path("fingerprint").asText();
    assertThat(alert.fingerprint()).isEqualTo("am:team:" + fingerprint);
    assertThat(alert.monitor()).isEqualTo("HighLatency");
    assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.summary()).isEqualTo("p99 latency 2.3s");
    assertThat(alert.labels()).containsEntry("service", "payments").containsEntry("via", "vigil");
    assertThat(desk.vigil.received).extracting(a -> a.source()).containsOnly("alertmanager:team");
  }

  @Test
  void pollingAgainAddsNothingAndGoneMeansResolved() throws Exception {
    Desktop desk = desktop("desk-a");
    alertmanager.fire(LATENCY, LATENCY_TEXT);
    assertThat(desk.source.poll()).isEqualTo(new AlertmanagerSource.PollResult(1, 1, 0, 0));
    assertThat(desk.source.poll()).isEqualTo(new AlertmanagerSource.PollResult(1, 0, 0, 0));
    assertThat(desk.only().count()).isEqualTo(1);

    alertmanager.resolve(LATENCY);
    assertThat(desk.source.poll()).isEqualTo(new AlertmanagerSource.PollResult(0, 0, 1, 0));
    assertThat(desk.vigil.openAlerts()).isEmpty();
    assertThat(desk.source.poll()).isEqualTo(new AlertmanagerSource.PollResult(0, 0, 0, 0));
  }

  @Test
  void aChangedSummaryUpdatesTheAlert() throws Exception {
    Desktop desk = desktop("desk-a");
    alertmanager.fire(LATENCY, LATENCY_TEXT);
    desk.source.poll();
    alertmanager.fire(LATENCY, Map.of("summary", "p99 latency 4.1s"));
    assertThat(desk.source.poll().received()).isEqualTo(1);
    assertThat(desk.only().summary()).isEqualTo("p99 latency 4.1s");
  }

  @Test
  void changedRuleLabelsDoNotResendTheAlertAtEveryPoll() throws Exception {
    alertmanager.fire(LATENCY, LATENCY_TEXT);
    try (SqliteDesktop a = new SqliteDesktop("a")) {
      a.source.poll();
    }
    SourceRule relabelled = new SourceRule("team", alertmanager.url(), Duration.ofSeconds(1), List.of(), Map.of("via", "other"), null);
    StoreVigil vigil = new StoreVigil(temp.resolve("a"));
    open.add(vigil);
    AlertmanagerSource source = new AlertmanagerSource(relabelled, vigil, vigil, WEB, Clock.systemUTC());
    assertThat(source.poll().received()).isZero();
    assertThat(source.poll().received()).isZero();
    assertThat(vigil.openAlerts()).extracting(Alert::count).containsExactly(1L);
  }

  @Test
  void onlyAlertsMatchingTheSourcesMatchersCome() throws Exception {
    Desktop desk = new Desktop("desk-a", Duration.ofSeconds(1), List.of("service=\"payments\""));
    alertmanager.fire(LATENCY, LATENCY_TEXT);
    alertmanager.fire(Map.of("alertname", "DiskFull", "service", "search"), Map.of());
    desk.source.poll();
    assertThat(desk.vigil.openAlerts()).extracting(Alert::monitor).containsExactly("HighLatency");
  }

  @Test
  void acknowledgingCreatesASilenceWithTheNoteAndResolvingExpiresIt() throws Exception {
    Desktop desk = desktop("desk-a");
    alertmanager.fire(LATENCY, LATENCY_TEXT);
    desk.source.poll();
    Instant ackedAt = Instant.now();
    desk.vigil.acknowledge(desk.only().id(), "looking into it", "alice", ackedAt);

    await().atMost(Duration.ofSeconds(5)).until(() -> silences("active").size() == 1);
    JsonNode silence = silences("active").get(0);
    assertThat(silence.path("comment").asText()).isEqualTo("looking into it");
    assertThat(silence.path("createdBy").asText()).isEqualTo("vigil@desk-a");
    Map<String, String> matchers = new LinkedHashMap<>();
    silence.path("matchers").forEach(m -> {
      assertThat(m.path("isEqual").asBoolean()).isTrue();
      assertThat(m.path("isRegex").asBoolean()).isFalse();
      matchers.put(m.path("name").asText(), m.path("value").asText());
    });
    assertThat(matchers).as("Alertmanager's labels, not the ones the rule adds").isEqualTo(LATENCY);
    Instant endsAt = Instant.parse(silence.path("endsAt").asText());
    assertThat(Duration.between(ackedAt, endsAt)).isBetween(Duration.ofHours(4).minusSeconds(5), Duration.ofHours(4).plusSeconds(5));
    assertThat(alertmanager.alerts().get(0).path("status").path("state").asText()).isEqualTo("suppressed");

    assertThat(desk.source.poll().acknowledged()).as("already acknowledged here").isZero();
    assertThat(desk.only().state()).isEqualTo(AlertState.ACKNOWLEDGED);

    desk.vigil.resolve(desk.only().id(), "fixed", "alice", Instant.now());
    await().atMost(Duration.ofSeconds(5)).until(() -> silences("active").isEmpty() && silences("expired").size() == 1);
    assertThat(desk.vigil.timeline(1)).extracting(AlertEvent::kind).contains("silenced", "silence expired");
  }

  @Test
  void anAcknowledgementOnOneDesktopShowsOnTheOther() throws Exception {
    Desktop a = desktop("desk-a");
    Desktop b = desktop("desk-b");
    alertmanager.fire(LATENCY, LATENCY_TEXT);
    a.source.poll();
    b.source.poll();

    a.vigil.acknowledge(a.only().id(), "on it", "alice", Instant.now());
    await().atMost(Duration.ofSeconds(5)).until(() -> silences("active").size() == 1);
    assertThat(b.source.poll().acknowledged()).isEqualTo(1);

    Alert onB = b.only();
    assertThat(onB.state()).isEqualTo(AlertState.ACKNOWLEDGED);
    AlertEvent ack = b.vigil.timeline(onB.id()).stream().filter(e -> e.kind().equals("acknowledged")).findFirst().orElseThrow();
    assertThat(ack.actor()).isEqualTo("alertmanager");
    assertThat(ack.note()).isEqualTo("silenced in Alertmanager by vigil@desk-a");
    Thread.sleep(300); // B's silencer heard the acknowledgement: it must make no silence of its own
    assertThat(alertmanager.silences()).hasSize(1);
    assertThat(b.intakeStore.silence(onB.id(), "team")).isEmpty();
  }

  @Test
  void silenceMatchingSilencesThoseAlertsInAlertmanager() throws Exception {
    Desktop desk = desktop("desk-a");
    alertmanager.fire(LATENCY, LATENCY_TEXT);
    String id = desk.silencer.silenceMatching(Map.of("service", "payments"), Duration.ofHours(1), "deploy window");
    assertThat(silences("active")).extracting(s -> s.path("id").asText()).containsExactly(id);
    assertThat(silences("active").get(0).path("comment").asText()).isEqualTo("deploy window");
    desk.source.poll();
    assertThat(desk.only().state()).isEqualTo(AlertState.ACKNOWLEDGED);
    assertThat(desk.vigil.timeline(desk.only().id())).extracting(AlertEvent::note).contains("silenced in Alertmanager by vigil@desk-a");
  }

  @Test
  void unAcknowledgingExpiresTheSilence() throws Exception {
    Desktop desk = desktop("desk-a");
    alertmanager.fire(LATENCY, LATENCY_TEXT);
    desk.source.poll();
    Alert acked = desk.vigil.acknowledge(desk.only().id(), "", "alice", Instant.now()).orElseThrow();
    await().atMost(Duration.ofSeconds(5)).until(() -> silences("active").size() == 1);
    assertThat(silences("active").get(0).path("comment").asText()).isEqualTo("acknowledged in Vigil by alice");

    Alert firingAgain = new Alert(acked.id(), acked.fingerprint(), acked.monitor(), acked.severity(), AlertState.FIRING,
        acked.firstSeen(), acked.lastSeen(), null, acked.count(), acked.summary(), acked.labels(), null);
    desk.silencer.onChange(new dev.vigil.alert.AlertChange(dev.vigil.alert.AlertChange.Kind.SNOOZE_ENDED, firingAgain, Instant.now()));
    await().atMost(Duration.ofSeconds(5)).until(() -> silences("active").isEmpty());
    assertThat(desk.intakeStore.silence(acked.id(), "team")).isEmpty();
  }

  /** A Vigil on the real SQLite store in its own data folder. */
  final class SqliteDesktop implements AutoCloseable {
    final StoreVigil vigil;
    final IntakeStore intakeStore;
    final AlertmanagerSource source;
    final AlertmanagerSilencer silencer;

    SqliteDesktop(String name) {
      SourceRule rule = new SourceRule("team", alertmanager.url(), Duration.ofSeconds(1), List.of(), Map.of(), null);
      vigil = new StoreVigil(temp.resolve(name));
      intakeStore = IntakeStore.open(temp.resolve(name));
      source = new AlertmanagerSource(rule, vigil, vigil, WEB, Clock.systemUTC());
      silencer = new AlertmanagerSilencer(rule, vigil, intakeStore, WEB, AlertmanagerSilencer.DEFAULT_SILENCE, Clock.systemUTC(), "vigil@" + name);
      vigil.listen(silencer);
    }

    Alert only() {
      assertThat(vigil.openAlerts()).hasSize(1);
      return vigil.openAlerts().get(0);
    }

    @Override
    public void close() {
      source.close();
      silencer.close();
      intakeStore.close();
      vigil.close();
    }
  }

  @Test
  void twoDataFoldersShareAcknowledgementsAndARestartStillExpiresTheSilence() throws Exception {
    alertmanager.fire(LATENCY, LATENCY_TEXT);
    try (SqliteDesktop b = new SqliteDesktop("b")) {
      long id;
      try (SqliteDesktop a = new SqliteDesktop("a")) {
        a.source.poll();
        b.source.poll();
        id = a.only().id();
        a.vigil.acknowledge(id, "restarting the pool", "alice", Instant.now());
        await().atMost(Duration.ofSeconds(5)).until(() -> silences("active").size() == 1);
        assertThat(silences("active").get(0).path("comment").asText()).isEqualTo("restarting the pool");

        b.source.poll();
        assertThat(b.only().state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(b.vigil.timeline(b.only().id())).extracting(AlertEvent::kind, AlertEvent::actor, AlertEvent::note)
            .contains(org.assertj.core.groups.Tuple.tuple("acknowledged", "alertmanager", "silenced in Alertmanager by vigil@a"));
      }
      try (SqliteDesktop restarted = new SqliteDesktop("a")) {
        assertThat(restarted.source.poll()).as("a restart duplicates nothing").isEqualTo(new AlertmanagerSource.PollResult(1, 0, 0, 0));
        restarted.vigil.resolve(id, "pool restarted", "alice", Instant.now());
        await().atMost(Duration.ofSeconds(5)).until(() -> silences("active").isEmpty());
        assertThat(restarted.intakeStore.silence(id, "team")).isEmpty();
      }
    }
  }

  @Test
  void aSnoozeSilencesUntilItEnds() throws Exception {
    alertmanager.fire(LATENCY, LATENCY_TEXT);
    try (SqliteDesktop a = new SqliteDesktop("a")) {
      a.source.poll();
      Instant until = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      a.vigil.snooze(a.only().id(), until, "alice", Instant.now());
      await().atMost(Duration.ofSeconds(5)).until(() -> silences("active").size() == 1);
      JsonNode silence = silences("active").get(0);
      assertThat(Instant.parse(silence.path("endsAt").asText())).isEqualTo(until);
      assertThat(silence.path("comment").asText()).isEqualTo("snoozed in Vigil by alice until " + until);
    }
  }

  @Test
  void sourcesPollAndSilenceUntilReloadedAway() throws Exception {
    StoreVigil vigil = new StoreVigil(temp.resolve("a"));
    IntakeStore intakeStore = IntakeStore.open(temp.resolve("a"));
    open.add(vigil);
    open.add(intakeStore);
    SourceRule rule = new SourceRule("team", alertmanager.url(), Duration.ofMillis(300), List.of(), Map.of(), null);
    try (Sources sources = Sources.start(List.of(rule), vigil, vigil, intakeStore, WEB, Duration.ofHours(1), Clock.systemUTC())) {
      vigil.listen(sources);
      alertmanager.fire(LATENCY, LATENCY_TEXT);
      await().atMost(Duration.ofSeconds(2)).until(() -> vigil.openAlerts().size() == 1);
      vigil.acknowledge(vigil.openAlerts().get(0).id(), "mine", "alice", Instant.now());
      await().atMost(Duration.ofSeconds(5)).until(() -> silences("active").size() == 1);
      assertThat(sources.problems()).isEmpty();

      sources.reload(List.of());
      alertmanager.fire(Map.of("alertname", "Other"), Map.of());
      Thread.sleep(700);
      assertThat(vigil.openAlerts()).as("no source polls any more").hasSize(1);
      assertThat(sources.silenceMatching(Map.of("a", "b"), Duration.ofHours(1), "x")).isEmpty();
    }
  }

  @Test
  void anAlertFirstSeenAlreadyAcknowledgedIsSilencedToo() throws Exception {
    Desktop desk = desktop("desk-a");
    alertmanager.fire(LATENCY, LATENCY_TEXT);
    desk.source.poll();
    SourceRule rule = new SourceRule("team", alertmanager.url(), Duration.ofSeconds(1), List.of(), Map.of("via", "vigil"), null);
    IntakeStore lateStore = IntakeStore.open(temp.resolve("late"));
    open.add(lateStore);
    try (AlertmanagerSilencer late = new AlertmanagerSilencer(rule, desk.vigil, lateStore, WEB, Duration.ofHours(1), Clock.systemUTC(), "vigil@late")) {
      Alert acked = desk.vigil.acknowledge(desk.only().id(), "seen", "alice", Instant.now()).orElseThrow();
      await().atMost(Duration.ofSeconds(5)).until(() -> silences("active").size() == 1); // desk's own silencer
      // The engine saw the alert only once it was acknowledged: a FIRED change in state acknowledged.
      late.onChange(new dev.vigil.alert.AlertChange(dev.vigil.alert.AlertChange.Kind.FIRED, acked, Instant.now()));
      await().atMost(Duration.ofSeconds(5)).until(() -> silences("active").size() == 2);
      assertThat(silences("active")).extracting(n -> n.path("createdBy").asText()).contains("vigil@late");
    }
  }
}
