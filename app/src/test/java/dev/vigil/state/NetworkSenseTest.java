package dev.vigil.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.check.Reach;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkSenseTest {
  static final NetworkSense.LocalNetwork ROUTED = Optional::empty;
  static final NetworkSense.LocalNetwork NO_ROUTE = () -> Optional.of("no route beyond loopback");

  /** A monitor: id, host, canary, and what its latest check got. */
  record Seen(String id, String host, boolean canary, Reach reach) {
    static Seen of(String id, String host, Reach reach) {
      return new Seen(id, host, false, reach);
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("services on one host refusing connections are an outage, not a dead network", ROUTED,
            new Seen[] {Seen.of("a", "10.0.0.5", Reach.ANSWERED), Seen.of("b", "10.0.0.5", Reach.ANSWERED)}, null),
        Arguments.of("services on one host timing out are an outage while this machine has routes", ROUTED,
            new Seen[] {Seen.of("a", "db.internal", Reach.NO_ANSWER), Seen.of("b", "api.internal", Reach.NO_ANSWER)}, null),
        Arguments.of("monitors on loopback prove nothing about the network, even with no route", NO_ROUTE,
            new Seen[] {Seen.of("a", "127.0.0.1", Reach.ANSWERED), Seen.of("b", "localhost", Reach.NO_ANSWER), Seen.of("c", "[::1]", Reach.NO_PATH)}, null),
        Arguments.of("no route beyond loopback and no answer from anywhere: the network is down", NO_ROUTE,
            new Seen[] {Seen.of("a", "10.0.0.5", Reach.NO_PATH), Seen.of("b", "pay.example", Reach.NO_NAME)},
            "this machine's network is down: no route beyond loopback; all 2 monitors get no answer"),
        Arguments.of("with no route, one monitor is evidence enough", NO_ROUTE,
            new Seen[] {Seen.of("a", "pay.example", Reach.NO_NAME)},
            "this machine's network is down: no route beyond loopback; its one monitor gets no answer"),
        Arguments.of("one host answering means the network is up, whatever this machine's routes say", NO_ROUTE,
            new Seen[] {Seen.of("a", "10.0.0.5", Reach.NO_PATH), Seen.of("b", "10.0.0.6", Reach.ANSWERED)}, null),
        Arguments.of("a canary that gets no answer, with every other host silent, means the network is down", ROUTED,
            new Seen[] {new Seen("probe", "1.1.1.1", true, Reach.NO_ANSWER), Seen.of("b", "10.0.0.6", Reach.NO_ANSWER)},
            "this machine's network is down: the canary probe gets no answer; all 2 monitors get no answer"),
        Arguments.of("a canary answering keeps the network up while the services time out", ROUTED,
            new Seen[] {new Seen("probe", "1.1.1.1", true, Reach.ANSWERED), Seen.of("b", "10.0.0.6", Reach.NO_ANSWER)}, null),
        Arguments.of("every host name failing to resolve means this machine cannot resolve names", ROUTED,
            new Seen[] {Seen.of("a", "pay.example", Reach.NO_NAME), Seen.of("b", "chat.example", Reach.NO_NAME), Seen.of("c", "10.0.0.6", Reach.NO_ANSWER)},
            "this machine's network is down: no host name resolves (2 tried); all 3 monitors get no answer"),
        Arguments.of("one name failing to resolve is that service's problem", ROUTED,
            new Seen[] {Seen.of("a", "pay.example", Reach.NO_NAME), Seen.of("b", "pay.example", Reach.NO_NAME)}, null),
        Arguments.of("one name resolving but timing out means DNS works", ROUTED,
            new Seen[] {Seen.of("a", "pay.example", Reach.NO_NAME), Seen.of("b", "chat.example", Reach.NO_NAME), Seen.of("c", "db.example", Reach.NO_ANSWER)}, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesFromEvidenceAboutThisMachine(String intent, NetworkSense.LocalNetwork local, Seen[] seen, String expected) {
    NetworkSense sense = new NetworkSense(local);
    Map<String, NetworkSense.Target> targets = new LinkedHashMap<>();
    for (Seen s : seen) targets.put(s.id(), new NetworkSense.Target(s.host(), s.canary()));
    sense.configure(targets);
    for (Seen s : seen) sense.observe(s.id(), s.reach());
    assertThat(sense.down().map(NetworkSense.Offline::reason)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void theOfflineVerdictExplainsOnlyMonitorsOffThisMachine() {
    NetworkSense sense = new NetworkSense(NO_ROUTE);
    sense.configure(Map.of("local", new NetworkSense.Target("127.0.0.1", false), "far", new NetworkSense.Target("10.0.0.5", false)));
    sense.observe("local", Reach.ANSWERED);
    sense.observe("far", Reach.NO_PATH);
    NetworkSense.Offline offline = sense.down().orElseThrow();
    assertThat(offline.explains("far")).isTrue();
    assertThat(offline.explains("local")).as("a refused loopback service wakes the person even offline").isFalse();
  }

  @Test
  void theNetworkComesBackWithTheFirstAnswer() {
    NetworkSense sense = new NetworkSense(NO_ROUTE);
    sense.configure(Map.of("a", new NetworkSense.Target("10.0.0.5", false), "b", new NetworkSense.Target("10.0.0.6", false)));
    sense.observe("a", Reach.NO_PATH);
    sense.observe("b", Reach.NO_PATH);
    assertThat(sense.down()).isPresent();
    sense.observe("b", Reach.ANSWERED);
    assertThat(sense.down()).isEmpty();
    sense.observe("b", Reach.NO_PATH);
    assertThat(sense.down()).as("answered counts follow each monitor's latest check").isPresent();
  }

  @Test
  void monitorsRemovedFromTheRulesAreForgotten() {
    NetworkSense sense = new NetworkSense(NO_ROUTE);
    sense.configure(Map.of("a", new NetworkSense.Target("10.0.0.5", false), "b", new NetworkSense.Target("10.0.0.6", false)));
    sense.observe("a", Reach.ANSWERED);
    sense.observe("b", Reach.NO_PATH);
    assertThat(sense.down()).isEmpty();
    sense.configure(Map.of("b", new NetworkSense.Target("10.0.0.6", false), "c", new NetworkSense.Target("10.0.0.7", false)));
    sense.observe("c", Reach.NO_PATH);
    assertThat(sense.down().map(NetworkSense.Offline::reason))
        .contains("this machine's network is down: no route beyond loopback; all 2 monitors get no answer");
  }
}
