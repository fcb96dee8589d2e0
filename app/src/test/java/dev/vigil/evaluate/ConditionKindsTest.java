package dev.vigil.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.check.Observation;
import dev.vigil.check.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of check takes its own conditions; the others are refused where they are written. */
class ConditionKindsTest {
  static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                          | kind | condition                        | message                                                                                 | column
      an http subject on tcp            | TCP  | status == 200                    | "status" does not apply to a tcp check (use banner or latency)                          | 0
      a body on dns                     | DNS  | body contains "x"                | "body" does not apply to a dns check (use answer, rcode or latency)                     | 0
      a banner on http                  | HTTP | banner contains "x"              | "banner" does not apply to an http check (use status, latency, body, json, header or cert) | 0
      only latency for ping             | PING | cert expires > 1d                | "cert" does not apply to a ping check (use latency)                                     | 0
      a misspelt dns subject            | DNS  | answr contains "x"               | unknown condition subject "answr" (did you mean "answer"?)                              | 0
      rcode needs a code                | DNS  | rcode ==                         | expected a response code (use NOERROR, FORMERR, SERVFAIL, NXDOMAIN, NOTIMP, REFUSED, YXDOMAIN, YXRRSET, NXRRSET, NOTAUTH or NOTZONE) | 8
      rcode only compares equal         | DNS  | rcode < NOERROR                  | expected == or != after "rcode"                                                          | 6
      answer needs contains             | DNS  | answer == 10.0.0.5               | expected contains after "answer"                                                        | 7
      cert subject needs contains       | TLS  | cert subject is x                | expected contains after "cert subject"                                                  | 13
      a banner needs contains or matches | TCP | banner == x                      | expected contains or matches after "banner"                                             | 7
      """)
  void conditionsOfAnotherKindAreRefused(String intent, Target.Kind kind, String text, String message, int column) {
    assertThatThrownBy(() -> ConditionParser.parse(text, kind))
        .isInstanceOf(ConditionSyntaxException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((ConditionSyntaxException) e).column()).isEqualTo(column));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                           | condition                      | passes | shown
      an exact address                   | answer contains "10.0.0.5"     | true   | answer (10.0.0.5, 10.0.0.6) contains "10.0.0.5"
      never a longer address             | answer contains "10.0.0.50"    | false  | answer (10.0.0.5, 10.0.0.6) contains "10.0.0.50"
      an error code                      | rcode != SERVFAIL              | true   | rcode (NOERROR) != SERVFAIL
      """)
  void dnsConditionsShowTheAnswers(String intent, String text, boolean passes, String shown) throws Exception {
    Observation o = new Observation(NOW, null, null, -1, Duration.ofMillis(3), Map.of(), null, false, null, null, null,
        "NOERROR", List.of("10.0.0.5", "10.0.0.6"));
    ConditionResult r = ConditionParser.parse(text, Target.Kind.DNS).evaluate(o);
    assertThat(r.passed()).isEqualTo(passes);
    assertThat(r.shown()).isEqualTo(shown);
  }
}
