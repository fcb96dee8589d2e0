package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertChange.Kind;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.policy.Notification;
import dev.vigil.policy.Policy;
import dev.vigil.policy.QuietMode;
import dev.vigil.state.NetworkSense;
import dev.vigil.store.PolicyStore;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A whole night run on a virtual clock, with real phone channels against a loopback server. */
class NightTest extends NightScene {
  MockWebServer phone = new MockWebServer();
  final List<String> phoneCalls = Collections.synchronizedList(new ArrayList<>());
  boolean stillFailing = true;
  /** Why this machine's network is down (and which monitors that explains), or null while it is up. */
  NetworkSense.Offline networkDown;
  Policy policy;

  NightTest() {
    super(at("2025-03-29T21:00"));
  }

  @BeforeEach
  void setUp() throws IOException {
    phone.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if (r.getMethod().equals("GET") && r.getTarget().startsWith("/1/receipts/")) {
          return new MockResponse.Builder().code(200).body("{\"status\":1,\"acknowledged\":0}").build(); // a receipt poll, not a page
        }
        phoneCalls.add(r.getTarget());
        String body = r.getTarget().equals("/1/messages.json") ? "{\"status\":1,\"receipt\":\"r-" + phoneCalls.size() + "\"}" : "{}";
        return new MockResponse.Builder().code(200).body(body).build();
      }
    });
    phone.start(InetAddress.getByName("127.0.0.1"), 0);
    String base = phone.url("/").toString().replaceAll("/$", "");
    policy = Policy.defaults(BERLIN).withChannels(new Policy.Channels(
        new Policy.Ntfy(base, "oncall", null), new Policy.Pushover("tok", "usr", base), new Policy.Webhook(base + "/hook"), null));
  }

  @AfterEach
  void tearDown() {
    phone.close();
  }

  Notifier notifier(PolicyStore s) {
    return builder(policy, s)
        .confirm(monitor -> CompletableFuture.completedFuture(stillFailing))
        .networkDown(() -> Optional.ofNullable(networkDown))
        .build();
  }

  static Alert alert(long id, String monitor, Severity s, AlertState state) {
    Instant t = at("2025-03-29T23:00");
    return new Alert(id, "fp" + id, monitor, s, state, t, t, null, 2, "status (503) == 200", Map.of(), null);
  }

  void runUntil(Notifier n, Instant end) {
    while (clock.instant().isBefore(end)) {
      clock.advance(Duration.ofSeconds(15));
      n.tick(clock.instant());
    }
  }

  List<String> reasons() {
    return store.notifications(Instant.EPOCH, 1000).stream()
        .map(x -> x.channel() + " " + x.outcome().label() + ": " + x.reason()).toList();
  }

  @Test
  void whenThisMachinesNetworkIsDownVigilSaysSoOnceInsteadOfWakingForEachMonitor() {
    networkDown = new NetworkSense.Offline(
        "this machine's network is down: no route beyond loopback; all 2 monitors get no answer", Set.of("payments-api", "chat-api"));
    Notifier n = notifier(store);
    runUntil(n, at("2025-03-29T23:00"));
    n.onChange(new AlertChange(Kind.FIRED, alert(1, "payments-api", Severity.CRITICAL, AlertState.FIRING), clock.instant()));
    n.onChange(new AlertChange(Kind.FIRED, alert(2, "chat-api", Severity.CRITICAL, AlertState.FIRING), clock.instant()));
    runUntil(n, at("2025-03-29T23:10"));

    assertThat(alarm.sounding).as("no alarm for a network that is down here").isFalse();
    assertThat(phoneCalls).isEmpty();
    assertThat(desktop).extracting(Message::title).containsExactly("This machine's network is down");
    assertThat(reasons()).contains("ladder suppressed: this machine's network is down: no route beyond loopback; "
        + "all 2 monitors get no answer: one notice, not a page per monitor");

    networkDown = null;
    runUntil(n, at("2025-03-29T23:11"));
    assertThat(desktop).extracting(Message::title).containsExactly("This machine's network is down", "Network is back");
  }

  @Test
  void aServiceOnThisMachineStillWakesWhileTheNetworkIsDown() {
    networkDown = new NetworkSense.Offline(
        "this machine's network is down: no route beyond loopback; its one monitor gets no answer", Set.of("payments-api"));
    Notifier n = notifier(store);
    runUntil(n, at("2025-03-29T23:00"));
    n.onChange(new AlertChange(Kind.FIRED, alert(3, "local-db", Severity.CRITICAL, AlertState.FIRING), clock.instant()));
    runUntil(n, at("2025-03-29T23:01"));

    assertThat(alarm.sounding).as("a refused service on loopback is not explained by the network").isTrue();
    assertThat(reasons()).noneMatch(r -> r.contains("network is down") && r.startsWith("ladder"));
  }

  @Test
  void aCriticalFailureOvernightWakesThenPhonesThenCallsTheContactAndAckStopsEverything() {
    Notifier n = notifier(store);
    runUntil(n, at("2025-03-29T23:00"));
    Alert a = alert(7, "payments-api", Severity.CRITICAL, AlertState.FIRING);
    n.onChange(new AlertChange(Kind.FIRED, a, clock.instant()));
    assertThat(alarm.sounding).as("the alarm sounds at once").isTrue();
    assertThat(phoneCalls).isEmpty();

    runUntil(n, at("2025-03-29T23:05"));
    assertThat(phoneCalls).containsExactly("/oncall", "/1/messages.json");
    runUntil(n, at("2025-03-29T23:15"));
    assertThat(phoneCalls).containsExactly("/oncall", "/1/messages.json", "/hook");

    runUntil(n, at("2025-03-29T23:16"));
    n.onChange(new AlertChange(Kind.ACKNOWLEDGED, alert(7, "payments-api", Severity.CRITICAL, AlertState.ACKNOWLEDGED), clock.instant()));
    assertThat(alarm.sounding).isFalse();
    assertThat(phoneCalls).last().isEqualTo("/1/receipts/r-2/cancel.json");
    assertThat(reasons()).containsExactly(
        "ladder sent: critical overnight: wake ladder",
        "ladder sent: alarm: payments-api still failing on a fresh check",
        "ntfy sent: unacknowledged after 5m",
        "pushover sent: unacknowledged after 5m",
        "webhook sent: unacknowledged after 15m",
        "tray suppressed: acknowledged: no noise",
        "pushover sent: emergency cancelled: acknowledged on the desktop");
    assertThat(store.escalations()).singleElement().satisfies(e -> assertThat(e.step()).isEqualTo(-1));
  }

  @Test
  void anAcknowledgedAlertStillFailingAfterRewakeAfterWakesAgain() {
    Notifier n = notifier(store);
    runUntil(n, at("2025-03-29T23:00"));
    n.onChange(new AlertChange(Kind.FIRED, alert(7, "payments-api", Severity.CRITICAL, AlertState.FIRING), clock.instant()));
    n.acknowledge(7);
    assertThat(alarm.sounding).isFalse();
    runUntil(n, at("2025-03-29T23:29:45"));
    assertThat(alarm.sounding).isFalse();
    runUntil(n, at("2025-03-29T23:30:15"));
    assertThat(alarm.sounding).as("woken again after 30m").isTrue();
    assertThat(alarm.starts).isEqualTo(2);
  }

  @Test
  void aFreshCheckThatPassesKeepsThePersonAsleep() {
    stillFailing = false;
    Notifier n = notifier(store);
    runUntil(n, at("2025-03-29T23:00"));
    n.onChange(new AlertChange(Kind.FIRED, alert(7, "payments-api", Severity.CRITICAL, AlertState.FIRING), clock.instant()));
    runUntil(n, at("2025-03-29T23:10"));
    assertThat(alarm.starts).isZero();
    assertThat(phoneCalls).isEmpty();
    assertThat(reasons()).contains("ladder suppressed: a fresh check passed: not waking (checking again every 1m)");
    stillFailing = true;
    runUntil(n, at("2025-03-29T23:11"));
    assertThat(alarm.sounding).isTrue();
  }

  @Test
  void warningsOvernightMakeNoSoundAndArriveAsOneMorningDigestAcrossTheSpringForwardNight() {
    Notifier n = notifier(store);
    runUntil(n, at("2025-03-30T01:00"));
    n.onChange(new AlertChange(Kind.FIRED, alert(8, "search", Severity.WARNING, AlertState.FIRING), clock.instant()));
    n.onChange(new AlertChange(Kind.FIRED, alert(9, "docs", Severity.INFO, AlertState.FIRING), clock.instant()));
    runUntil(n, at("2025-03-30T07:59:45"));
    assertThat(desktop).isEmpty();
    runUntil(n, at("2025-03-30T08:00:15"));
    assertThat(desktop).singleElement().satisfies(m -> {
      assertThat(m.title()).isEqualTo("Overnight: 2 alerts held for the morning");
      assertThat(m.body()).isEqualTo("warning search: status (503) == 200\ninfo docs: status (503) == 200");
    });
    assertThat(alarm.starts).isZero();
    runUntil(n, at("2025-03-31T08:30"));
    assertThat(desktop).as("one digest only").hasSize(1);
  }

  @Test
  void quietModeHoldsBackAChimeAndSummarisesWhenItEnds() {
    clock.set(at("2025-03-29T12:00"));
    store.setQuiet(QuietMode.forDuration(Duration.ofHours(1), clock.instant()));
    Notifier n = notifier(store);
    n.tick(clock.instant());
    n.onChange(new AlertChange(Kind.FIRED, alert(7, "payments-api", Severity.CRITICAL, AlertState.FIRING), clock.instant()));
    assertThat(desktop).isEmpty();
    assertThat(alarm.chimes).isZero();
    runUntil(n, at("2025-03-29T13:00:15"));
    assertThat(desktop).singleElement().satisfies(m -> assertThat(m.title()).isEqualTo("Quiet mode ended"));
    assertThat(reasons()).containsExactly(
        "desktop suppressed: quiet mode until 13:00",
        "desktop sent: quiet mode ended: 1 notification held back");
  }

  @Test
  void aPendingLadderResumesAfterAKillAndDoesNotPhoneTwice() {
    Notifier first = notifier(store);
    runUntil(first, at("2025-03-29T23:00"));
    Alert a = alert(7, "payments-api", Severity.CRITICAL, AlertState.FIRING);
    first.onChange(new AlertChange(Kind.FIRED, a, clock.instant()));
    runUntil(first, at("2025-03-29T23:06"));
    assertThat(phoneCalls).containsExactly("/oncall", "/1/messages.json");
    // kill -9: no close, a new process opens the same file
    alarm.sounding = false;
    try (PolicyStore reopened = PolicyStore.open(data.resolve("vigil.db"))) {
      Notifier second = notifier(reopened);
      clock.advance(Duration.ofMinutes(2));
      second.resume(List.of(a), clock.instant());
      assertThat(alarm.sounding).as("the alarm resumes").isTrue();
      runUntil(second, at("2025-03-29T23:14:45"));
      assertThat(phoneCalls).as("not paged twice").containsExactly("/oncall", "/1/messages.json");
      runUntil(second, at("2025-03-29T23:15:15"));
      assertThat(phoneCalls).containsExactly("/oncall", "/1/messages.json", "/hook");
      second.onChange(new AlertChange(Kind.ACKNOWLEDGED, alert(7, "payments-api", Severity.CRITICAL, AlertState.ACKNOWLEDGED), clock.instant()));
      assertThat(phoneCalls).as("the receipt survived the restart").last().isEqualTo("/1/receipts/r-2/cancel.json");
    }
  }

  @Test
  void aPhoneStepPersistedButKilledBeforeItsSendReturnedIsTakenAgainOnce() throws Exception {
    Notifier first = notifier(store);
    runUntil(first, at("2025-03-29T23:00"));
    Alert a = alert(7, "payments-api", Severity.CRITICAL, AlertState.FIRING);
    first.onChange(new AlertChange(Kind.FIRED, a, clock.instant()));
    runUntil(first, at("2025-03-29T23:06"));
    // kill -9 after the step was persisted, before the sends returned and were recorded: nothing left the machine
    try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigil.db"))) {
      db.createStatement().executeUpdate("DELETE FROM notifications WHERE channel IN ('ntfy', 'pushover')");
    }
    phoneCalls.clear();
    Notifier second = notifier(store);
    second.resume(List.of(a), clock.instant());
    runUntil(second, at("2025-03-29T23:10"));
    assertThat(phoneCalls).as("the phone step taken again, once").containsExactly("/oncall", "/1/messages.json");
  }

  @Test
  void anAlertCommittedJustBeforeAKillIsDecidedAtRestartAndWakesOnce() {
    Notifier first = notifier(store);
    runUntil(first, at("2025-03-29T21:30"));
    Instant t = clock.instant();
    Alert dayAlert = new Alert(6, "fp6", "chat-api", Severity.CRITICAL, AlertState.FIRING, t, t, null, 2, "status (503) == 200", Map.of(), null);
    first.onChange(new AlertChange(Kind.FIRED, dayAlert, clock.instant())); // a chime by day: decided
    runUntil(first, at("2025-03-29T23:00"));
    // kill -9 after the engine committed alert 7, before the notifier heard of it: no decision, no ladder row
    Alert undecided = alert(7, "payments-api", Severity.CRITICAL, AlertState.FIRING);
    Notifier second = notifier(store);
    second.resume(List.of(dayAlert, undecided), clock.instant());
    runUntil(second, at("2025-03-29T23:10"));
    assertThat(reasons()).as("decided at restart, by night").contains(
        "ladder sent: critical overnight: wake ladder", "ladder sent: alarm: payments-api still failing on a fresh check");
    assertThat(store.notifications(Instant.EPOCH, 1000)).as("phone pages")
        .filteredOn(x -> x.channel().equals("ntfy")).extracting(Notification::alertId).containsExactly(7L);
  }

  @Test
  void anAcknowledgedAlertNeverSoundsAtStartUp() {
    Notifier first = notifier(store);
    runUntil(first, at("2025-03-29T23:00"));
    first.onChange(new AlertChange(Kind.FIRED, alert(7, "payments-api", Severity.CRITICAL, AlertState.FIRING), clock.instant()));
    first.acknowledge(7);
    clock.advance(Duration.ofHours(1));
    alarm.starts = 0;
    Notifier second = notifier(store);
    second.resume(List.of(alert(7, "payments-api", Severity.CRITICAL, AlertState.ACKNOWLEDGED)), clock.instant());
    second.tick(clock.instant());
    assertThat(alarm.starts).isZero();
  }

  @Test
  void aStormMakesOneNotificationListingItsAlertsAndFoldsTheRest() {
    policy = policy.withStorm(new Policy.Storm(3, Duration.ofMinutes(2)));
    clock.set(at("2025-03-29T10:00"));
    Notifier n = notifier(store);
    for (int i = 1; i <= 5; i++) {
      n.onChange(new AlertChange(Kind.FIRED, alert(i, "api-" + i, Severity.WARNING, AlertState.FIRING), clock.instant()));
      clock.advance(Duration.ofSeconds(1));
      n.tick(clock.instant());
    }
    runUntil(n, at("2025-03-29T10:01"));
    assertThat(desktop).extracting(Message::title).containsExactly("Storm: 3 alerts within 2m");
    assertThat(reasons()).contains(
        "desktop sent: storm: 3 alerts within 2m: api-1, api-2, api-3",
        "desktop suppressed: part of a storm: 3 alerts since 10:00",
        "desktop suppressed: part of a storm: 4 alerts since 10:00",
        "desktop suppressed: part of a storm: 5 alerts since 10:00");
  }

  @Test
  void aLoneDayAlertIsNotifiedOnceTheGroupWaitIsOver() {
    clock.set(at("2025-03-29T10:00"));
    Notifier n = notifier(store);
    n.onChange(new AlertChange(Kind.FIRED, alert(1, "api-1", Severity.WARNING, AlertState.FIRING), clock.instant()));
    clock.advance(Duration.ofSeconds(4));
    n.tick(clock.instant());
    assertThat(desktop).as("still waiting to see whether a storm forms").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    n.tick(clock.instant());
    assertThat(desktop).extracting(Message::title).containsExactly("WARNING api-1");
  }

  @Test
  void theTimerIsNeededEverySecondOnlyWhileANotificationWaitsOrALadderRings() {
    clock.set(at("2025-03-29T10:00"));
    Notifier n = notifier(store);
    n.tick(clock.instant());
    assertThat(n.busy()).as("nothing open: the timer may tick every few seconds").isFalse();

    n.onChange(new AlertChange(Kind.FIRED, alert(1, "api-1", Severity.WARNING, AlertState.FIRING), clock.instant()));
    assertThat(n.busy()).as("a day notification waits out its group wait").isTrue();
    clock.advance(Duration.ofSeconds(5));
    n.tick(clock.instant());
    assertThat(desktop).extracting(Message::title).containsExactly("WARNING api-1");
    assertThat(n.busy()).as("sent: nothing waits").isFalse();

    runUntil(n, at("2025-03-29T23:00"));
    n.onChange(new AlertChange(Kind.FIRED, alert(7, "payments-api", Severity.CRITICAL, AlertState.FIRING), clock.instant()));
    assertThat(alarm.sounding).isTrue();
    assertThat(n.busy()).as("the wake ladder rings").isTrue();
    runUntil(n, at("2025-03-29T23:06"));
    assertThat(n.busy()).as("still ringing after its phone steps").isTrue();
    n.onChange(new AlertChange(Kind.ACKNOWLEDGED, alert(7, "payments-api", Severity.CRITICAL, AlertState.ACKNOWLEDGED), clock.instant()));
    assertThat(alarm.sounding).isFalse();
    assertThat(n.busy()).as("acknowledged: the ladder stopped").isFalse();
  }

  @Test
  void aDayAlertAcknowledgedWithinTheGroupWaitIsNeverNotified() {
    clock.set(at("2025-03-29T10:00"));
    Notifier n = notifier(store);
    n.onChange(new AlertChange(Kind.FIRED, alert(1, "api-1", Severity.WARNING, AlertState.FIRING), clock.instant()));
    clock.advance(Duration.ofSeconds(2));
    n.onChange(new AlertChange(Kind.ACKNOWLEDGED, alert(1, "api-1", Severity.WARNING, AlertState.ACKNOWLEDGED), clock.instant()));
    runUntil(n, at("2025-03-29T10:01"));
    assertThat(desktop).isEmpty();
  }

  @Test
  void aFlappingMonitorGivesOneNoticeAndOneContinuousAlarmThenReportsItsFinalState() {
    // Issue 15 changed this: flapping used to silence the alarm; now it makes one alarm, not one per re-fire.
    Notifier n = notifier(store);
    runUntil(n, at("2025-03-29T23:00"));
    for (int i = 0; i < 12; i++) n.observeCheck("payments-api", i % 2 == 0, clock.instant());
    Alert a = alert(7, "payments-api", Severity.CRITICAL, AlertState.FIRING);
    n.onChange(new AlertChange(Kind.FIRED, a, clock.instant()));
    n.tick(clock.instant());
    assertThat(alarm.starts).isEqualTo(1);
    Alert resolved = new Alert(7, "fp7", "payments-api", Severity.CRITICAL, AlertState.RESOLVED, a.firstSeen(), a.lastSeen(),
        clock.instant(), 2, a.summary(), Map.of(), null, 0, null);
    n.onChange(new AlertChange(Kind.RESOLVED, resolved, clock.instant()));
    assertThat(alarm.sounding).as("a resolve while it flaps does not stop the alarm").isTrue();
    Alert reopened = new Alert(7, "fp7", "payments-api", Severity.CRITICAL, AlertState.FIRING, a.firstSeen(), a.lastSeen(),
        null, 3, a.summary(), Map.of(), null, 1, null);
    n.onChange(new AlertChange(Kind.REOPENED, reopened, clock.instant()));
    n.onChange(new AlertChange(Kind.RESOLVED, resolved, clock.instant()));
    assertThat(alarm.starts).as("the ladder did not start over").isEqualTo(1);
    for (int i = 0; i < 21; i++) n.observeCheck("payments-api", true, clock.instant());
    assertThat(alarm.sounding).isFalse();
    assertThat(desktop).extracting(Message::title)
        .containsExactly("payments-api is flapping", "CRITICAL payments-api", "payments-api stopped flapping: up");
    assertThat(reasons()).contains("ladder suppressed: reopened (1): the same alarm goes on, not restarted",
        "ladder suppressed: alarm stopped: payments-api settled up");
  }

  @Test
  void anAlertReopenedAcknowledgedMakesNoSoundButWakesAgainIfStillOpenAfterRewakeAfter() {
    Notifier n = notifier(store);
    runUntil(n, at("2025-03-29T23:00"));
    Alert a = alert(7, "payments-api", Severity.CRITICAL, AlertState.ACKNOWLEDGED);
    Alert reopened = new Alert(7, "fp7", "payments-api", Severity.CRITICAL, AlertState.ACKNOWLEDGED, a.firstSeen(), a.lastSeen(),
        null, 3, a.summary(), Map.of(), null, 1, a.firstSeen());
    n.onChange(new AlertChange(Kind.REOPENED, reopened, clock.instant()));
    runUntil(n, at("2025-03-29T23:29"));
    assertThat(alarm.starts).isZero();
    assertThat(reasons()).contains("ladder suppressed: reopened (1), acknowledged before: no noise");

    runUntil(n, at("2025-03-29T23:31"));
    assertThat(alarm.starts).as("still open rewakeAfter (30m) later").isEqualTo(1);
  }
}
