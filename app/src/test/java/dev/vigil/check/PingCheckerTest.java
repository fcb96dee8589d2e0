package dev.vigil.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.evaluate.ConditionParser;
import dev.vigil.evaluate.Evaluator;
import dev.vigil.evaluate.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ping:} through the system's ping command, where this machine allows ICMP (VIGIL_REQUIRE_PING=1 in CI). */
class PingCheckerTest {
  private final PingChecker checker = new PingChecker(Clock.systemUTC());

  @BeforeEach
  void icmpAllowed() {
    String why = PingChecker.unavailable().orElse(null);
    if (why != null && "1".equals(System.getenv("VIGIL_REQUIRE_PING"))) throw new IllegalStateException(why);
    if (why != null) System.err.println("SKIPPED: " + why);
    assumeTrue(why == null, why);
  }

  @AfterEach
  void close() {
    checker.close();
  }

  @Test
  void loopbackAnswersWithItsRoundTrip() throws Exception {
    Verdict v = ping("127.0.0.1", "latency < 2s");
    assertThat(v.passed()).isTrue();
    assertThat(v.results().get(0).shown()).matches("latency \\(\\d+ms\\) < 2s");
  }

  @Test
  void anUnknownHostIsADnsFailure() throws Exception {
    assertThat(ping("no-such-host.invalid").summary()).isEqualTo("dns: unknown host no-such-host.invalid");
  }

  private Verdict ping(String host, String... conditions) throws Exception {
    List<dev.vigil.evaluate.Condition> expect = new java.util.ArrayList<>();
    for (String c : conditions) expect.add(ConditionParser.parse(c, Target.Kind.PING));
    Observation o = checker.check(new CheckRequest("m", new Target.Ping(host), Duration.ofSeconds(2), Map.of(), false, 1, false)).join();
    return Evaluator.evaluate(o, expect);
  }
}
