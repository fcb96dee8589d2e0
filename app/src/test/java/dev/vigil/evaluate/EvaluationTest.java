package dev.vigil.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EvaluationTest {
  static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");

  static Observation response(int status, long millis, String body) {
    return new Observation(NOW, null, null, status, Duration.ofMillis(millis),
        Map.of("Content-Type", List.of("text/html")), body, false, NOW.plus(Duration.ofDays(3)));
  }

  static Observation plainHttp() {
    return new Observation(NOW, null, null, 200, Duration.ofMillis(5), Map.of(), "{}", false, null);
  }

  static Observation truncated(String body) {
    return new Observation(NOW, null, null, 200, Duration.ofMillis(5), Map.of(), body, true, null);
  }

  static Stream<Arguments> cases() {
    Observation down = response(503, 1203, "{\"status\":\"DOWN\",\"depth\":1500,\"ready\":false,\"error\":null}");
    Observation up = response(200, 120, "{\"status\":\"UP\",\"items\":[{\"id\":1}]}");
    return Stream.of(
        Arguments.of("status shows the code seen", down, "status == 200", false, "status (503) == 200"),
        Arguments.of("status passing still shows it", up, "status < 400", true, "status (200) < 400"),
        Arguments.of("status list", down, "status in [200, 204]", false, "status (503) in [200, 204]"),
        Arguments.of("latency in milliseconds", down, "latency < 800ms", false, "latency (1203ms) < 800ms"),
        Arguments.of("latency within the limit", up, "latency < 2s", true, "latency (120ms) < 2s"),
        Arguments.of("body text absent", down, "body contains \"UP\"", false, "body (no \"UP\" in 57 bytes) contains \"UP\""),
        Arguments.of("body text present", up, "body contains \"UP\"", true, "body (34 bytes) contains \"UP\""),
        Arguments.of("body regex", up, "body matches /\"id\":\\s*1/", true, "body (34 bytes) matches /\"id\":\\s*1/"),
        Arguments.of("body regex no match", down, "body matches /UP/", false, "body (no match in 57 bytes) matches /UP/"),
        Arguments.of("truncated body is noted", truncated("xx"), "body contains ok", false, "body (no \"ok\" in first 2 bytes, truncated) contains ok"),
        Arguments.of("json string differs", down, "json $.status == \"UP\"", false, "json $.status (\"DOWN\") == \"UP\""),
        Arguments.of("json string equal", up, "json $.status == \"UP\"", true, "json $.status (\"UP\") == \"UP\""),
        Arguments.of("json not equal", down, "json $.status != \"UP\"", true, "json $.status (\"DOWN\") != \"UP\""),
        Arguments.of("json number", down, "json $.depth < 1000", false, "json $.depth (1500) < 1000"),
        Arguments.of("json number equal to decimal", down, "json $.depth == 1500.0", true, "json $.depth (1500) == 1500.0"),
        Arguments.of("json number against string", down, "json $.status > 3", false, "json $.status (\"DOWN\") > 3"),
        Arguments.of("json boolean", down, "json $.ready == true", false, "json $.ready (false) == true"),
        Arguments.of("json null", down, "json $.error == null", true, "json $.error (null) == null"),
        Arguments.of("json missing", down, "json $.version exists", false, "json $.version (missing) exists"),
        Arguments.of("json missing compared", down, "json $.version == \"1\"", false, "json $.version (missing) == \"1\""),
        Arguments.of("json exists", up, "json $.items exists", true, "json $.items ([{\"id\":1}]) exists"),
        Arguments.of("json indefinite path, one match", up, "json $..id == 1", true, "json $..id (1) == 1"),
        Arguments.of("json of an HTML page", response(200, 1, "<html>"), "json $.status == \"UP\"", false, "json $.status (invalid JSON) == \"UP\""),
        Arguments.of("json of a cut body", truncated("{\"a\":"), "json $.a exists", false, "json $.a (invalid JSON, body truncated) exists"),
        Arguments.of("json without a body", response(200, 1, null), "json $.a exists", false, "json $.a (no body) exists"),
        Arguments.of("header value shown", down, "header Content-Type contains json", false, "header Content-Type (\"text/html\") contains json"),
        Arguments.of("header name ignores case", down, "header content-type == text/html", true, "header content-type (\"text/html\") == text/html"),
        Arguments.of("header missing", down, "header X-Env == prod", false, "header X-Env (missing) == prod"),
        Arguments.of("cert days left", down, "cert expires > 14d", false, "certificate expires in 3 days (< 14d)"),
        Arguments.of("cert on plain http", plainHttp(), "cert expires > 14d", false, "cert expires (no TLS) > 14d"),
        Arguments.of("cert already expired", new Observation(NOW, null, null, 200, null, Map.of(), null, false, NOW.minus(Duration.ofHours(5))),
            "cert expires > 1d", false, "certificate expired 5 hours ago"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void conditionResultShowsTheValueSeen(String intent, Observation o, String text, boolean passed, String shown)
      throws Exception {
    ConditionResult r = ConditionParser.parse(text).evaluate(o);
    assertThat(r.shown()).isEqualTo(shown);
    assertThat(r.passed()).isEqualTo(passed);
  }

  @Test
  @org.junit.jupiter.api.Timeout(10)
  void catastrophicRegexGivesUpInsteadOfHanging() throws Exception {
    Observation o = truncated("a".repeat(40) + "!");
    ConditionResult r = ConditionParser.parse("body matches /(.*a){12}b/").evaluate(o);
    assertThat(r.passed()).isFalse();
    assertThat(r.shown()).isEqualTo("body (regex gave up on first 41 bytes, truncated) matches /(.*a){12}b/");
  }

  @Test
  void regexThatRecursesTooDeeplyGivesUpInsteadOfCrashing() throws Exception {
    Observation o = response(200, 1, "ab".repeat(200_000));
    ConditionResult r = ConditionParser.parse("body matches /(a|b)+c/").evaluate(o);
    assertThat(r.shown()).isEqualTo("body (regex gave up on 400000 bytes) matches /(a|b)+c/");
  }

  @Test
  void deeplyNestedJsonIsInvalidNotACrash() throws Exception {
    Observation o = response(200, 1, "[".repeat(100_000));
    assertThat(ConditionParser.parse("json $[0] exists").evaluate(o).shown()).isEqualTo("json $[0] (invalid JSON) exists");
  }

  static Stream<Arguments> verdicts() {
    Observation down = new Observation(NOW, null, null, 503, Duration.ofMillis(1203), Map.of(), "{\"status\":\"DOWN\"}", true, null);
    Observation refused = Observation.failed(NOW, FailureClass.CONNECT, "connection refused", Duration.ofMillis(3));
    return Stream.of(
        Arguments.of("transport failure uses its class and detail", refused, List.of("status == 200"), false, "connect: connection refused"),
        Arguments.of("all passing is ok", EvaluationTest.response(200, 10, "UP"), List.of("status == 200", "body contains UP"), true, "ok"),
        Arguments.of("one failure", down, List.of("status == 503", "latency < 800ms"), false, "timeout: latency (1203ms) < 800ms"),
        Arguments.of("first failure and a count", down, List.of("status == 200", "latency < 800ms"), false, "status: status (503) == 200 (+1 more)"),
        Arguments.of("hidden body failure on a cut body is mentioned", down, List.of("status == 200", "json $.status == \"UP\""), false,
            "status: status (503) == 200 (+1 more) (body truncated)"),
        Arguments.of("body failure first already says truncated", down, List.of("body contains UP"), false,
            "body: body (no \"UP\" in first 17 bytes, truncated) contains UP"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verdicts")
  void evaluatorSummarisesTheFirstFailure(String intent, Observation o, List<String> expect, boolean passed, String summary)
      throws Exception {
    List<Condition> conditions = new java.util.ArrayList<>();
    for (String e : expect) conditions.add(ConditionParser.parse(e));
    Verdict v = Evaluator.evaluate(o, conditions);
    assertThat(v.summary()).isEqualTo(summary);
    assertThat(v.passed()).isEqualTo(passed);
    assertThat(v.results()).hasSize(o.responded() ? expect.size() : 0);
    assertThat(v.failure()).isEqualTo(passed ? null : v.failure());
  }

  @Test
  void failedVerdictCarriesTheClassOfTheFirstFailure() throws Exception {
    Observation o = response(200, 5000, "x");
    Verdict v = Evaluator.evaluate(o, List.of(ConditionParser.parse("status == 200"), ConditionParser.parse("latency < 1s")));
    assertThat(v.failure()).isEqualTo(FailureClass.TIMEOUT);
  }
}
