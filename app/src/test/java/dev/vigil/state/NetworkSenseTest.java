package dev.vigil.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.check.FailureClass;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkSenseTest {
  final NetworkSense sense = new NetworkSense();

  @Test
  void everyMonitorUnreachableMeansThisMachinesNetworkIsDown() {
    sense.configure(Set.of("a", "b", "c"), Set.of());
    sense.observe("a", false, FailureClass.CONNECT);
    sense.observe("b", false, FailureClass.DNS);
    sense.observe("c", false, FailureClass.TIMEOUT);
    assertThat(sense.down()).contains("this machine's network is down: all 3 monitors fail to connect");
  }

  @Test
  void oneMonitorGettingThroughMeansTheNetworkIsUp() {
    sense.configure(Set.of("a", "b"), Set.of());
    sense.observe("a", false, FailureClass.CONNECT);
    sense.observe("b", true, null);
    assertThat(sense.down()).isEmpty();
  }

  @Test
  void aServerAnsweringWithAnErrorIsNotANetworkProblem() {
    sense.configure(Set.of("a", "b"), Set.of());
    sense.observe("a", false, FailureClass.CONNECT);
    sense.observe("b", false, FailureClass.STATUS);
    assertThat(sense.down()).isEmpty();
  }

  @Test
  void aSingleMonitorIsNotEnoughUnlessItIsACanary() {
    sense.configure(Set.of("a"), Set.of());
    sense.observe("a", false, FailureClass.CONNECT);
    assertThat(sense.down()).isEmpty();
    sense.configure(Set.of("a"), Set.of("a"));
    assertThat(sense.down()).contains("this machine's network is down: all 1 monitors fail to connect, the canary included");
  }

  @Test
  void theNetworkComesBackWithTheFirstPassingCheck() {
    sense.configure(Set.of("a", "b"), Set.of());
    sense.observe("a", false, FailureClass.CONNECT);
    sense.observe("b", false, FailureClass.CONNECT);
    assertThat(sense.down()).isPresent();
    sense.observe("b", true, null);
    assertThat(sense.down()).isEqualTo(Optional.empty());
  }

  @Test
  void monitorsRemovedFromTheRulesAreForgotten() {
    sense.configure(Set.of("a", "b"), Set.of());
    sense.observe("a", true, null);
    sense.observe("b", false, FailureClass.CONNECT);
    sense.configure(Set.of("b", "c"), Set.of());
    sense.observe("c", false, FailureClass.CONNECT);
    assertThat(sense.down()).contains("this machine's network is down: all 2 monitors fail to connect");
  }
}
