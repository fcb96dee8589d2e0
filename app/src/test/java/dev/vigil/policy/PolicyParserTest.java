package dev.vigil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.rules.PolicySpec;
import dev.vigil.rules.RuleProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyParserTest {
  @TempDir Path dir;

  PolicyParser.Result parse(String yaml, Map<String, String> env) throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, yaml);
    var doc = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    return PolicyParser.parse(new PolicySpec(ZoneId.of(doc != null && doc.hasNonNull("timezone") ? doc.get("timezone").asText() : "UTC"), "22:00-08:00", doc, file), env::get);
  }

  @Test
  void noPolicyFileGivesTheDefaults() {
    PolicyParser.Result r = PolicyParser.parse(PolicySpec.defaults(), k -> null);
    assertThat(r.problems()).isEmpty();
    assertThat(r.policy().escalation()).isEqualTo(Policy.Escalation.DEFAULT);
    assertThat(r.policy().channels()).isEqualTo(Policy.Channels.NONE);
    assertThat(r.policy().overnight().on(DayOfWeek.MONDAY)).contains(DailyWindow.parse("22:00-08:00").orElseThrow());
  }

  @Test
  void aFullPolicyIsReadWithChannelsFromTheEnvironment() throws Exception {
    PolicyParser.Result r = parse("""
        timezone: Europe/Berlin
        overnight:
          weekdays: "22:00-07:00"
          fri: "23:30-10:00"
          sat: off
        quiet: "12:00-13:00"
        escalation: {escalateAfter: 3m, contactAfter: 10m, rewakeAfter: 20m}
        storm: {count: 4, within: 1m}
        channels:
          ntfy: {url: "https://ntfy.example", topic: "${env:TOPIC}"}
          pushover: {token: "${env:PO_TOKEN}", user: "u123"}
          webhook: {url: "https://hooks.example/vigil"}
          healthchecks: {url: "https://hc-ping.com/${env:HC}", every: 5m}
        """, Map.of("TOPIC", "oncall", "PO_TOKEN", "t0k", "HC", "abc"));
    assertThat(r.problems()).isEmpty();
    Policy p = r.policy();
    assertThat(p.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(p.overnight().on(DayOfWeek.FRIDAY)).contains(DailyWindow.parse("23:30-10:00").orElseThrow());
    assertThat(p.overnight().on(DayOfWeek.SATURDAY)).isEmpty();
    assertThat(p.overnight().on(DayOfWeek.SUNDAY)).isEmpty();
    assertThat(p.escalation().escalateAfter()).isEqualTo(Duration.ofMinutes(3));
    assertThat(p.storm()).isEqualTo(new Policy.Storm(4, Duration.ofMinutes(1)));
    assertThat(p.channels().ntfy()).isEqualTo(new Policy.Ntfy("https://ntfy.example", "oncall", null));
    assertThat(p.channels().pushover()).isEqualTo(new Policy.Pushover("t0k", "u123", "https://api.pushover.net"));
    assertThat(p.channels().healthchecks()).isEqualTo(new Policy.Healthchecks("https://hc-ping.com/abc", Duration.ofMinutes(5)));
  }

  static Stream<Arguments> problems() {
    return Stream.of(
        Arguments.of("a bad duration names the field and where it is",
            "escalation:\n  escalateAfter: 5 minutes\n",
            ":2:3: policy: field \"escalation.escalateAfter\": \"5 minutes\" is not a duration (use 500ms, 30s, 5m, 1h, 1d)"),
        Arguments.of("a missing environment variable is named, not its value",
            "channels:\n  pushover:\n    token: \"${env:PO_TOKEN}\"\n    user: u1\n",
            ":3:5: policy: field \"channels.pushover.token\": environment variable PO_TOKEN is not set"),
        Arguments.of("a bad weekday window is pointed at",
            "overnight:\n  mon: \"22:00-08:00\"\n  tue: late\n",
            ":3:3: policy: field \"overnight.tue\": \"late\" is not a window (use HH:MM-HH:MM or off)"),
        Arguments.of("an unknown behaviour lists the allowed ones",
            "behaviour:\n  night:\n    critical: scream\n",
            ":3:5: policy: field \"behaviour.night.critical\": \"scream\" is not a behaviour (use wake, chime, notify, tray, digest)"),
        Arguments.of("a typo in a field name is refused",
            "timezone: UTC\nescalation:\n  escalateAftr: 5m\n",
            ":3:3: policy: field \"escalation.escalateAftr\": unknown field (expected one of contactAfter, escalateAfter, rampUp, rewakeAfter)"),
        Arguments.of("a storm needs at least two alerts",
            "storm: {count: 1}\n",
            ":1:9: policy: field \"storm.count\": \"1\" is not a whole number from 2 to 10000"),
        Arguments.of("a storm count has a bound",
            "storm: {count: 10001}\n",
            ":1:9: policy: field \"storm.count\": \"10001\" is not a whole number from 2 to 10000"),
        Arguments.of("behaviour must be a mapping, not a number",
            "behaviour: 42\n",
            ":1:1: policy: field \"behaviour\": expected a mapping of fields"),
        Arguments.of("an escalation that would overflow is refused",
            "escalation: {rewakeAfter: 99999999999999d}\n",
            ":1:14: policy: field \"escalation.rewakeAfter\": \"99999999999999d\" is too long (at most 365d)"),
        Arguments.of("a required channel field is named",
            "channels:\n  ntfy: {url: \"https://ntfy.sh\"}\n",
            ":2:3: policy: field \"channels.ntfy.topic\": required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void problemsNameFileLineAndField(String intent, String yaml, String expected) throws Exception {
    PolicyParser.Result r = parse(yaml, Map.of());
    assertThat(r.problems()).extracting(RuleProblem::format).containsExactly(dir.resolve("policy.yaml") + expected);
  }
}
