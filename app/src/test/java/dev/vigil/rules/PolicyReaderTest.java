package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.RuleProblem;
import dev.vigil.policy.DailyWindow;
import dev.vigil.policy.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyReaderTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** The policy.yaml block of the README, as written there. */
  static final String README = """
      timezone: system                    # or a zone id, e.g. Europe/Berlin; all windows are DST-correct
      overnight: "22:00-08:00"            # or per day: {weekdays: "22:00-07:00", fri: "23:30-10:00", sat: off}
      quiet: "12:00-13:00"                # scheduled quiet hours (optional)
      behaviour:
        day:   {critical: chime, warning: notify, info: tray}
        night: {critical: wake, warning: digest, info: digest}
      escalation: {escalateAfter: 5m, contactAfter: 15m, rewakeAfter: 30m, rampUp: 2m}
      storm: {count: 5, within: 2m}       # K alerts within W make one alarm and one notification listing them
      channels:
        ntfy: {url: https://ntfy.sh, topic: "${env:NTFY_TOPIC}"}
        pushover: {token: "${env:PUSHOVER_TOKEN}", user: "${env:PUSHOVER_USER}"}
        webhook: {url: "https://example.org/hook"}
        healthchecks: {url: "https://hc-ping.com/${env:HC_UUID}", every: 5m}   # Vigil's own dead-man's switch
      """;
  static final Map<String, String> README_ENV =
      Map.of("NTFY_TOPIC", "oncall", "PUSHOVER_TOKEN", "t0k", "PUSHOVER_USER", "u1", "HC_UUID", "abc");

  @TempDir Path dir;

  RulesLoader.LoadResult load(String yaml, Map<String, String> env) throws Exception {
    Files.writeString(dir.resolve("policy.yaml"), yaml);
    return RulesLoader.load(dir, env);
  }

  @Test
  void noPolicyFileGivesTheDefaults() {
    RulesLoader.LoadResult r = RulesLoader.load(dir, Map.of());
    assertThat(r.problems()).isEmpty();
    assertThat(r.rules().policy()).isEqualTo(Policy.defaults(ZoneId.systemDefault()));
    assertThat(r.rules().policyFile()).isNull();
  }

  @Test
  void theReadmeExampleValidatesAsWritten() throws Exception {
    RulesLoader.LoadResult r = load(README, README_ENV);
    assertThat(r.problems()).isEmpty();
    Policy p = r.rules().policy();
    assertThat(p.zone()).isEqualTo(ZoneId.systemDefault());
    assertThat(p.quietHours().on(DayOfWeek.SUNDAY)).contains(DailyWindow.parse("12:00-13:00").orElseThrow());
    assertThat(p.channels().ntfy()).isEqualTo(new Policy.Ntfy("https://ntfy.sh", "oncall", null));
    assertThat(p.channels().pushover()).isEqualTo(new Policy.Pushover("t0k", "u1", "https://api.pushover.net"));
    assertThat(p.channels().webhook()).isEqualTo(new Policy.Webhook("https://example.org/hook"));
    assertThat(p.channels().healthchecks()).isEqualTo(new Policy.Healthchecks("https://hc-ping.com/abc", Duration.ofMinutes(5)));
  }

  @Test
  void theReadmePerDayOvernightFormValidates() throws Exception {
    RulesLoader.LoadResult r = load("timezone: Europe/Berlin\n"
        + "overnight: {weekdays: \"22:00-07:00\", fri: \"23:30-10:00\", sat: off}\n", Map.of());
    assertThat(r.problems()).isEmpty();
    Policy p = r.rules().policy();
    assertThat(p.overnight().on(DayOfWeek.MONDAY)).contains(DailyWindow.parse("22:00-07:00").orElseThrow());
    assertThat(p.overnight().on(DayOfWeek.FRIDAY)).contains(DailyWindow.parse("23:30-10:00").orElseThrow());
    assertThat(p.overnight().on(DayOfWeek.SATURDAY)).isEmpty();
    assertThat(p.overnight().on(DayOfWeek.SUNDAY)).isEmpty();
  }

  /** A virtual clock walks the week of 2026-11-23 (Monday) in Berlin through the README's per-day form. */
  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Monday evening before it opens        | 2026-11-23T21:59 | false
      Monday 22:00 opens                    | 2026-11-23T22:00 | true
      Tuesday 06:59 still night             | 2026-11-24T06:59 | true
      Tuesday 07:00 closes                  | 2026-11-24T07:00 | false
      Thursday 23:00 night                  | 2026-11-26T23:00 | true
      Friday 22:30 not yet: Friday is later | 2026-11-27T22:30 | false
      Friday 23:30 opens                    | 2026-11-27T23:30 | true
      Saturday 09:59 still Friday's night   | 2026-11-28T09:59 | true
      Saturday 10:00 closes                 | 2026-11-28T10:00 | false
      Saturday night is off                 | 2026-11-28T23:00 | false
      Sunday small hours, Saturday off      | 2026-11-29T03:00 | false
      Sunday evening: not named, none       | 2026-11-29T22:30 | false
      Monday again 22:00                    | 2026-11-30T22:00 | true
      """)
  void thePerDayFormOpensAndClosesOnTheRightDays(String intent, String at, boolean overnight) throws Exception {
    Policy p = load("timezone: Europe/Berlin\n"
        + "overnight: {weekdays: \"22:00-07:00\", fri: \"23:30-10:00\", sat: off}\n", Map.of()).rules().policy();
    assertThat(p.overnight().contains(LocalDateTime.parse(at).atZone(BERLIN).toInstant(), p.zone())).isEqualTo(overnight);
  }

  static Stream<Arguments> problems() {
    return Stream.of(
        Arguments.of("a bad duration names the field and where it is",
            "escalation:\n  escalateAfter: 5 minutes\n",
            ":2:18: policy: field \"escalation.escalateAfter\": \"5 minutes\" is not a duration (use 500ms, 30s, 5m, 1h, 1d)"),
        Arguments.of("a missing environment variable is named, not its value",
            "channels:\n  pushover:\n    token: \"${env:PO_TOKEN}\"\n    user: u1\n",
            ":3:12: policy: field \"channels.pushover.token\": environment variable PO_TOKEN is not set"),
        Arguments.of("a bad weekday window is pointed at",
            "overnight:\n  mon: \"22:00-08:00\"\n  tue: late\n",
            ":3:8: policy: field \"overnight.tue\": \"late\" is not a window (use HH:MM-HH:MM or off)"),
        Arguments.of("a day that is not one lists the days",
            "overnight: {funday: \"22:00-08:00\"}\n",
            ":1:13: policy: field \"overnight.funday\": not a weekday (use mon, tue, wed, thu, fri, sat, sun, weekdays, weekend)"),
        Arguments.of("an unknown behaviour lists the allowed ones",
            "behaviour:\n  night:\n    critical: scream\n",
            ":3:15: policy: field \"behaviour.night.critical\": \"scream\" is not a behaviour (use wake, chime, notify, tray, digest)"),
        Arguments.of("a behaviour that is not a map is refused, not defaulted",
            "behaviour: 42\n",
            ":1:12: policy: field \"behaviour\": expected a map of fields, not \"42\""),
        Arguments.of("both spellings of behaviour are one too many",
            "behaviour: {night: {warning: wake}}\nbehavior: {night: {warning: tray}}\n",
            ":2:11: policy: field \"behavior\": use either \"behaviour\" or \"behavior\", not both"),
        Arguments.of("the American spelling is read too, and its mistakes named by it",
            "behavior: {day: {info: loud}}\n",
            ":1:24: policy: field \"behavior.day.info\": \"loud\" is not a behaviour (use wake, chime, notify, tray, digest)"),
        Arguments.of("a typo in a field name is refused with a suggestion",
            "timezone: UTC\nescalation:\n  escalateAftr: 5m\n",
            ":3:3: policy: unknown field \"escalation.escalateAftr\" (did you mean \"escalateAfter\"?)"),
        Arguments.of("an unknown top-level key is refused",
            "overnite: \"22:00-08:00\"\n",
            ":1:1: policy: unknown field \"overnite\" (did you mean \"overnight\"?)"),
        Arguments.of("a storm needs at least two alerts",
            "storm: {count: 1}\n",
            ":1:16: policy: field \"storm.count\": \"1\" must be a whole number from 2 to 100000"),
        Arguments.of("a storm window that is not a duration is refused",
            "storm: {count: 3, within: banana}\n",
            ":1:27: policy: field \"storm.within\": \"banana\" is not a duration (use 500ms, 30s, 5m, 1h, 1d)"),
        Arguments.of("a zero duration is refused",
            "storm: {within: 0s}\n",
            ":1:17: policy: field \"storm.within\": 0s is shorter than 1ms"),
        Arguments.of("contact cannot come before the phone",
            "escalation: {escalateAfter: 10m, contactAfter: 5m}\n",
            ":1:48: policy: field \"escalation.contactAfter\": 5m comes before escalation.escalateAfter (10m)"),
        Arguments.of("a required channel field is named",
            "channels:\n  ntfy: {url: \"https://ntfy.sh\"}\n",
            ":2:9: policy: missing field \"channels.ntfy.topic\""),
        Arguments.of("a channel URL must be http(s)",
            "channels:\n  webhook: {url: \"ftp://example.org\"}\n",
            ":2:18: policy: field \"channels.webhook.url\": \"ftp://example.org\" is not an http or https URL with a host"),
        Arguments.of("reopenWithin must be a duration or off",
            "timezone: UTC\nreopenWithin: soon\n",
            ":2:15: policy: field \"reopenWithin\": \"soon\" is not a duration (use 500ms, 30s, 5m, 1h, 1d)"),
        Arguments.of("the ntfy reply topic must be a topic other than the one pages go to",
            "channels:\n  ntfy: {topic: oncall, replyTopic: oncall}\n",
            ":2:37: policy: field \"channels.ntfy.replyTopic\": must differ from channels.ntfy.topic (Vigil reads it for acknowledgements)"),
        Arguments.of("a list where a window goes is refused",
            "quiet: [\"12:00-13:00\"]\n",
            ":1:8: policy: field \"quiet\": expected \"HH:MM-HH:MM\", off, or a map of weekdays (mon, tue, wed, thu, fri, sat, sun, weekdays, weekend), not a list"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void problemsNameFileLineColumnAndField(String intent, String yaml, String expected) throws Exception {
    assertThat(load(yaml, Map.of()).problems()).extracting(RuleProblem::format).containsExactly(dir.resolve("policy.yaml") + expected);
  }

  @Test
  void reopenWithinAndTheNtfyReplyTopicHaveDefaultsAndCanBeSet() throws Exception {
    Policy defaults = load("channels:\n  ntfy: {topic: oncall}\n", Map.of()).rules().policy();
    assertThat(defaults.reopenWithin()).isEqualTo(Duration.ofMinutes(30));
    assertThat(defaults.channels().ntfy().replyTopic()).isEqualTo("oncall-ack");
    RulesLoader.LoadResult set = load("reopenWithin: 10m\nchannels:\n  ntfy: {topic: oncall, replyTopic: vigil-replies}\n", Map.of());
    assertThat(set.problems()).isEmpty();
    assertThat(set.rules().policy().reopenWithin()).isEqualTo(Duration.ofMinutes(10));
    assertThat(set.rules().policy().channels().ntfy().replyTopic()).isEqualTo("vigil-replies");
    assertThat(load("reopenWithin: off\n", Map.of()).rules().policy().reopenWithin()).isZero();
  }

  @Test
  void aPolicyWithProblemsIsNeverHalfApplied() throws Exception {
    RulesLoader.LoadResult r = load("storm: {count: 1, within: banana}\n", Map.of());
    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).hasSize(2);
  }

  @Test
  void theSettingsPageCanCheckATextBeforeItIsWritten() {
    var r = RulesLoader.readPolicy(dir.resolve("policy.yaml"), "overnight: 25:00-07:00\n", Map.of());
    assertThat(r.problems()).extracting(RuleProblem::format).containsExactly(
        dir.resolve("policy.yaml") + ":1:12: policy: field \"overnight\": \"25:00-07:00\" is not a window (use HH:MM-HH:MM, e.g. 22:00-08:00, or off)");
  }
}
