package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertChange.Kind;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.notify.NightScene.FakeAlarm;
import dev.vigil.notify.NightScene.VirtualClock;
import dev.vigil.policy.Policy;
import dev.vigil.store.PolicyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledge from the phone, against a loopback stand-in that speaks ntfy's and Pushover's protocols. */
class PhoneAckTest {
  @TempDir Path data;
  NtfyStandIn ntfy;
  PolicyStore store;
  Policy policy;
  final FakeAlarm alarm = new FakeAlarm();
  final VirtualClock clock = new VirtualClock(NightScene.at("2025-06-10T23:00"));
  final List<String> acknowledged = new CopyOnWriteArrayList<>();
  final List<Notifier> notifiers = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    ntfy = new NtfyStandIn();
    store = PolicyStore.openMigrated(data);
    policy = Policy.defaults(NightScene.BERLIN)
        .withEscalation(new Policy.Escalation(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofSeconds(30)))
        .withChannels(new Policy.Channels(new Policy.Ntfy(ntfy.url(), "oncall", null), new Policy.Pushover("tok", "usr", ntfy.url()), null, null));
  }

  @AfterEach
  void tearDown() {
    notifiers.forEach(Notifier::close);
    store.close();
    ntfy.close();
  }

  Notifier notifier() {
    Notifier n = Notifier.builder(policy, store, clock)
        .io(Runnable::run)
        .alarm(alarm)
        .audioCheck(Optional::empty)
        .confirm(monitor -> CompletableFuture.completedFuture(true))
        .acknowledger((id, actor) -> acknowledged.add(id + " by " + actor))
        .build();
    notifiers.add(n);
    n.listenForPhoneReplies();
    await().atMost(Duration.ofSeconds(5)).until(() -> ntfy.openStreams() == 1);
    return n;
  }

  /** Fires alert 7 overnight and waits out escalateAfter: the alarm sounds and the phone is paged. */
  NtfyStandIn.Published paged(Notifier n) {
    return paged(n, Map.of());
  }

  NtfyStandIn.Published paged(Notifier n, Map<String, String> labels) {
    Alert a = new Alert(7, "fp7", "payments-api", Severity.CRITICAL, AlertState.FIRING, clock.instant(), clock.instant(),
        null, 2, "status (503) == 200", labels, null);
    n.onChange(new AlertChange(Kind.FIRED, a, clock.instant()));
    assertThat(alarm.sounding).isTrue();
    clock.advance(Duration.ofMinutes(1));
    n.tick(clock.instant());
    assertThat(ntfy.published("oncall")).hasSize(1);
    return ntfy.published("oncall").get(0);
  }

  List<String> reasons() {
    return store.notifications(Instant.EPOCH, 1000).stream().map(x -> x.channel() + " " + x.outcome().label() + ": " + x.reason()).toList();
  }

  @Test
  void anUrgentPageCarriesAnAcknowledgeButtonThatStopsTheDesktopAlarmWithinASecond() throws Exception {
    Notifier n = notifier();
    NtfyStandIn.Published page = paged(n);

    Map<String, String> action = NtfyStandIn.parseAction(page.headers().get("Actions"));
    assertThat(action).containsEntry("action", "http").containsEntry("label", "Acknowledge")
        .containsEntry("url", ntfy.url() + "/oncall-ack").containsEntry("method", "POST").containsEntry("clear", "true");
    assertThat(action.get("body")).matches("ack 7 [0-9a-f]{32}");
    assertThat(page.headers()).containsEntry("Priority", "5");

    assertThat(ntfy.tap(page)).isEqualTo(200);
    long tapped = System.nanoTime();
    await().atMost(Duration.ofSeconds(1)).until(() -> !alarm.sounding);
    assertThat(Duration.ofNanos(System.nanoTime() - tapped)).isLessThan(Duration.ofSeconds(1));
    await().atMost(Duration.ofSeconds(1)).until(() -> acknowledged.contains("7 by phone"));
    assertThat(n.ladder()).allMatch(r -> r.step() < 0);
  }

  @Test
  void aPageForAMonitorWithARunbookSaysWhereItIsAndOffersToOpenIt() throws Exception {
    Notifier n = notifier();
    NtfyStandIn.Published page = paged(n, Map.of("runbook", "https://wiki.example/runbooks/payments"));

    assertThat(page.message()).isEqualTo("status (503) == 200 (vigil ack 7)\nRunbook: https://wiki.example/runbooks/payments");
    String[] actions = page.headers().get("Actions").split(";\\s*");
    assertThat(actions).hasSize(2);
    assertThat(NtfyStandIn.parseAction(actions[0])).containsEntry("label", "Acknowledge");
    assertThat(actions[1]).isEqualTo("view, Open runbook, https://wiki.example/runbooks/payments");
  }

  @Test
  void forgedRepliesRepliesForAnotherAlertAndReplaysAreRefusedAndLogged() throws Exception {
    Notifier n = notifier();
    NtfyStandIn.Published page = paged(n);
    String body = NtfyStandIn.parseAction(page.headers().get("Actions")).get("body");
    String token = body.substring(body.lastIndexOf(' ') + 1);

    ntfy.publish("oncall-ack", "ack 7 " + "0".repeat(32));
    ntfy.publish("oncall-ack", "ack 8 " + token);
    ntfy.publish("oncall-ack", "please stop");
    await().atMost(Duration.ofSeconds(2)).until(() -> reasons().stream().filter(r -> r.contains("phone reply refused")).count() == 3);
    assertThat(alarm.sounding).as("nothing acknowledged yet").isTrue();

    ntfy.tap(page);
    await().atMost(Duration.ofSeconds(1)).until(() -> !alarm.sounding);
    ntfy.tap(page); // replayed
    await().atMost(Duration.ofSeconds(2)).until(() -> reasons().stream().filter(r -> r.contains("phone reply refused")).count() == 4);
    assertThat(reasons()).contains(
        "ntfy suppressed: phone reply refused: not a token Vigil gave",
        "ntfy suppressed: phone reply refused: the token was given for another alert",
        "ntfy suppressed: phone reply refused: not an acknowledgement (expected: ack ALERT TOKEN)",
        "ntfy suppressed: phone reply refused: the token was used already (a replay)");
    assertThat(acknowledged).containsExactly("7 by phone");
  }

  @Test
  void aReplySentWhileVigilWasDownIsReadAfterTheRestartFromWhereItStopped() throws Exception {
    Notifier first = notifier();
    NtfyStandIn.Published page = paged(first);
    ntfy.publish("oncall-ack", "hello"); // read and refused: the cursor now stands after it
    await().atMost(Duration.ofSeconds(2)).until(() -> reasons().stream().anyMatch(r -> r.contains("phone reply refused")));
    String lastRead = ntfy.published("oncall-ack").get(0).id();
    first.close();
    await().atMost(Duration.ofSeconds(2)).until(() -> { ntfy.dropStreams(); return ntfy.openStreams() == 0; });

    ntfy.tap(page); // the person answers while Vigil is down
    notifier();

    assertThat(ntfy.subscriptions).last().isEqualTo("oncall-ack?since=" + lastRead);
    await().atMost(Duration.ofSeconds(2)).until(() -> acknowledged.contains("7 by phone"));
  }

  @Test
  void whenEveryPhoneChannelAnswers429TheFailureIsRecordedAndTheLadderGoesOnToTheContactAtOnce() {
    policy = policy.withChannels(new Policy.Channels(policy.channels().ntfy(), policy.channels().pushover(),
        new Policy.Webhook(ntfy.url() + "/hook"), null));
    ntfy.pageStatus = 429;
    Notifier n = notifier();
    Alert a = new Alert(7, "fp7", "payments-api", Severity.CRITICAL, AlertState.FIRING, clock.instant(), clock.instant(),
        null, 2, "status (503) == 200", Map.of(), null);
    n.onChange(new AlertChange(Kind.FIRED, a, clock.instant()));
    clock.advance(Duration.ofMinutes(1));
    n.tick(clock.instant());

    assertThat(reasons()).contains(
        "ntfy failed: unacknowledged after 1m: ntfy answered HTTP 429: too many requests (a daily message limit, e.g. ntfy.sh's free tier)",
        "pushover failed: unacknowledged after 1m: Pushover answered HTTP 429: too many requests (a daily message limit, e.g. ntfy.sh's free tier)",
        "webhook sent: every phone channel failed");
    assertThat(ntfy.published("hook")).hasSize(1);
    assertThat(alarm.sounding).isTrue();
  }

  @Test
  void aPushoverEmergencyAcknowledgedOnThePhoneStopsTheAlarm() {
    Notifier n = notifier();
    paged(n);
    clock.advance(Duration.ofSeconds(5));
    n.tick(clock.instant());
    assertThat(alarm.sounding).isTrue();
    assertThat(ntfy.receiptPolls).contains("/1/receipts/r-1.json");

    ntfy.receiptAcknowledged = true;
    clock.advance(Duration.ofSeconds(5));
    n.tick(clock.instant());

    assertThat(alarm.sounding).isFalse();
    assertThat(acknowledged).containsExactly("7 by phone");
  }
}
