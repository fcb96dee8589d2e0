package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertChange.Kind;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.policy.Policy;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database outage behind which twelve services fail, overnight on a virtual clock, with a real ntfy channel against
 * a loopback server: one alarm and one page, both naming the root cause; the services make no noise of their own
 * until the database is back, and one still failing then wakes on its own.
 */
class DependentsNightTest extends NightScene {
  final MockWebServer phone = new MockWebServer();
  final List<String> pages = Collections.synchronizedList(new ArrayList<>());

  DependentsNightTest() {
    super(at("2025-03-29T22:59"));
  }

  @BeforeEach
  void setUp() throws IOException {
    phone.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        pages.add(r.getTarget() + " " + r.getBody().utf8());
        return new MockResponse.Builder().code(200).body("{}").build();
      }
    });
    phone.start(InetAddress.getByName("127.0.0.1"), 0);
    String base = phone.url("/").toString().replaceAll("/$", "");
    Policy policy = Policy.defaults(BERLIN).withChannels(
        new Policy.Channels(new Policy.Ntfy(base, "oncall", null), null, null, null));
    n = builder(policy).confirm(monitor -> CompletableFuture.completedFuture(true)).build();
  }

  @AfterEach
  void tearDown() {
    phone.close();
  }

  static Alert alert(long id, String monitor, AlertState state, String heldBy) {
    Instant t = at("2025-03-29T23:00");
    return new Alert(id, "fp" + id, monitor, Severity.CRITICAL, state, t, t, null, 2, "connect: connection refused", Map.of(),
        null, heldBy);
  }

  List<String> reasons() {
    return store.notifications(Instant.EPOCH, 1000).stream()
        .map(x -> (x.alertId() == null ? "-" : "#" + x.alertId()) + " " + x.channel() + " " + x.outcome().label() + ": " + x.reason())
        .toList();
  }

  @Test
  void aStormBehindAParentMakesOneAlarmAndOnePageNamingTheRootCause() {
    runUntil(at("2025-03-29T23:00"));
    n.observeCheck("core-db", false, clock.instant());
    for (int i = 1; i <= 12; i++) {
      n.onChange(new AlertChange(Kind.FIRED, alert(100 + i, "svc-" + i, AlertState.FIRING, "core-db"), clock.instant()));
    }
    assertThat(alarm.starts).as("no service wakes while its database is down").isZero();
    n.onChange(new AlertChange(Kind.FIRED, alert(1, "core-db", AlertState.FIRING, null), clock.instant()));
    runUntil(at("2025-03-29T23:10"));

    assertThat(alarm.starts).as("one alarm").isEqualTo(1);
    assertThat(desktop).singleElement().satisfies(m -> {
      assertThat(m.title()).isEqualTo("CRITICAL core-db");
      assertThat(m.body()).isEqualTo("core-db is down; 12 services behind it are failing\nconnect: connection refused");
    });
    assertThat(pages).containsExactly(
        "/oncall core-db is down; 12 services behind it are failing\nconnect: connection refused (vigil ack 1)");
    assertThat(reasons()).filteredOn(r -> r.startsWith("#101 ")).containsExactly("#101 ladder suppressed: held: core-db is down");
    assertThat(reasons()).filteredOn(r -> r.startsWith("#1 ")).containsExactly(
        "#1 ladder sent: critical overnight: wake ladder",
        "#1 ladder sent: alarm: core-db still failing on a fresh check: core-db is down; 12 services behind it are failing",
        "#1 ntfy sent: unacknowledged after 5m: core-db is down; 12 services behind it are failing");
    assertThat(reasons()).noneMatch(r -> r.contains("storm"));

    // The database comes back; eleven services with it, one still fails and now wakes on its own, once.
    for (int i = 1; i <= 11; i++) {
      n.onChange(new AlertChange(Kind.RESOLVED, alert(100 + i, "svc-" + i, AlertState.RESOLVED, "core-db"), clock.instant()));
    }
    n.observeCheck("core-db", true, clock.instant());
    n.onChange(new AlertChange(Kind.RESOLVED, alert(1, "core-db", AlertState.RESOLVED, null), clock.instant()));
    assertThat(alarm.sounding).as("svc-12 is still failing").isTrue();
    assertThat(alarm.starts).as("the alarm still sounding for core-db's incident carries on for svc-12: one alarm, not two")
        .isEqualTo(1);
    assertThat(reasons()).filteredOn(r -> r.startsWith("#112 ")).containsExactly(
        "#112 ladder suppressed: held: core-db is down",
        "#112 ladder sent: still failing after core-db recovered: critical overnight: wake ladder",
        "#112 ladder sent: alarm: svc-12 still failing on a fresh check");
  }

  @Test
  void aChildThatFailsOnItsOwnIsNotHeld() {
    runUntil(at("2025-03-29T23:00"));
    n.observeCheck("core-db", true, clock.instant());
    n.onChange(new AlertChange(Kind.FIRED, alert(5, "svc-1", AlertState.FIRING, "core-db"), clock.instant()));
    assertThat(alarm.starts).as("core-db passes: nothing holds svc-1 back").isEqualTo(1);
  }
}
