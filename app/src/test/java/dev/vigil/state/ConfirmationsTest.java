package dev.vigil.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.check.Reach;
import dev.vigil.state.MonitorTracker.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pipeline's decisions without a database or a thread: checks in, judgements out, time passed in. */
class ConfirmationsTest {
  static final Instant T = Instant.parse("2026-12-06T23:00:00Z");
  static final Duration INTERVAL = Duration.ofSeconds(30);

  final Confirmations c = new Confirmations(Optional::empty);

  Confirmations.Judgement check(String id, boolean passed, Reach reach, Instant at) {
    return c.check(id, 2, 2, INTERVAL, passed, reach, at);
  }

  static Stream<Arguments> wakeGrace() {
    return Stream.of(
        Arguments.of("no route during the wake grace waits, re-checked in 2 s", Reach.NO_PATH, Transition.NONE, Transition.NONE),
        Arguments.of("no name during the wake grace waits", Reach.NO_NAME, Transition.NONE, Transition.NONE),
        Arguments.of("a timeout during the wake grace waits", Reach.NO_ANSWER, Transition.NONE, Transition.NONE),
        Arguments.of("a refused connection is an answer: it counts at once", Reach.ANSWERED, Transition.NONE, Transition.FIRE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wakeGrace")
  void afterASleepOnlyFailuresThatGotNoAnswerWaitForTheNetwork(String intent, Reach reach, Transition first, Transition second) {
    c.wakeGrace(T.plusSeconds(30));
    assertThat(check("api", false, reach, T).step().transition()).isEqualTo(first);
    Confirmations.Judgement again = check("api", false, reach, T.plusSeconds(2));
    assertThat(again.step().transition()).isEqualTo(second);
    if (reach.unanswered()) assertThat(again.step().recheckAfter()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void afterTheGraceFailuresThatGotNoAnswerCountAgain() {
    c.wakeGrace(T);
    check("api", false, Reach.NO_ANSWER, T.plusSeconds(1));
    assertThat(check("api", false, Reach.NO_ANSWER, T.plusSeconds(3)).step().transition()).isEqualTo(Transition.FIRE);
  }

  @Test
  void aNewAlertBehindAFailingParentNamesItsRootCauseAndIsFreeOnceTheParentPasses() {
    c.dependsOn(Map.of("accounts-api", List.of("core-db")));
    check("core-db", false, Reach.ANSWERED, T);
    check("accounts-api", false, Reach.ANSWERED, T);
    assertThat(check("accounts-api", false, Reach.ANSWERED, T.plusSeconds(2)).heldBy()).isEqualTo("core-db");

    Confirmations free = new Confirmations(Optional::empty);
    free.dependsOn(Map.of("accounts-api", List.of("core-db")));
    free.check("core-db", 2, 2, INTERVAL, false, Reach.ANSWERED, T);
    free.check("core-db", 2, 2, INTERVAL, true, Reach.ANSWERED, T.plusSeconds(1));
    free.check("accounts-api", 2, 2, INTERVAL, false, Reach.ANSWERED, T);
    assertThat(free.check("accounts-api", 2, 2, INTERVAL, false, Reach.ANSWERED, T.plusSeconds(2)).heldBy())
        .as("a parent that passed holds nothing back").isNull();
  }

  @Test
  void aMonitorWithAnAlertOpenAtStartResumesFiring() {
    c.resume(List.of("monitor:api"));
    assertThat(check("api", false, Reach.ANSWERED, T).step().transition()).isEqualTo(Transition.REPEAT);
  }

  @Test
  void theNetworkVerdictIncludesTheCheckBeingJudged() {
    Confirmations offline = new Confirmations(() -> Optional.of("no route beyond loopback"));
    offline.configure(Map.of("api", new NetworkSense.Target("10.0.0.5", false)));
    offline.check("api", 1, 1, INTERVAL, false, Reach.NO_PATH, T);
    assertThat(offline.networkDown()).map(NetworkSense.Offline::reason)
        .contains("this machine's network is down: no route beyond loopback; its one monitor gets no answer");
  }

  @Test
  void changedThresholdsKeepWhetherTheMonitorFires() {
    check("api", false, Reach.ANSWERED, T);
    assertThat(check("api", false, Reach.ANSWERED, T.plusSeconds(2)).step().transition()).isEqualTo(Transition.FIRE);
    assertThat(c.check("api", 5, 1, INTERVAL, true, Reach.ANSWERED, T.plusSeconds(4)).step().transition())
        .as("recover 1 now: the next pass resolves").isEqualTo(Transition.RECOVER);
  }
}
