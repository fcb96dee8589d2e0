package dev.vigil.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReachTest {
  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("a refused connection is the far end answering", new ConnectException("Connection refused"), Reach.ANSWERED),
        Arguments.of("a reset is the far end answering", new java.net.SocketException("Connection reset"), Reach.ANSWERED),
        Arguments.of("ENETUNREACH is no path from here", new ConnectException("Network is unreachable"), Reach.NO_PATH),
        Arguments.of("ENETUNREACH as the JDK throws it from connect is no path from here",
            new java.net.SocketException("Network is unreachable"), Reach.NO_PATH),
        Arguments.of("EHOSTUNREACH as the JDK throws it from connect is no path from here",
            new java.net.SocketException("Host is unreachable"), Reach.NO_PATH),
        Arguments.of("EHOSTUNREACH is no path from here", new NoRouteToHostException("No route to host"), Reach.NO_PATH),
        Arguments.of("an unknown host is no name", new UnknownHostException("pay.example"), Reach.NO_NAME),
        Arguments.of("a timeout is no answer", new SocketTimeoutException("connect timed out"), Reach.NO_ANSWER));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void saysHowFarACheckGot(String intent, IOException e, Reach expected) {
    Failure f = Failure.of(e, Duration.ofSeconds(5), "pay.example");
    assertThat(Reach.of(f.failureClass(), f.detail())).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void aSlowResponseIsAnAnswerThoughALatencyConditionFailsIt() {
    Observation slow = new Observation(java.time.Instant.EPOCH, null, null, 200, Duration.ofSeconds(9), java.util.Map.of(), null, false, null);
    assertThat(Reach.of(slow)).isEqualTo(Reach.ANSWERED);
  }
}
