package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Severity;
import dev.vigil.policy.OncallSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code oncall:} in policy.yaml as {@code vigil validate} reads it. */
class OncallRulesTest {
  @TempDir Path dir;

  RulesLoader.LoadResult load(String yaml) throws IOException {
    Files.writeString(dir.resolve("policy.yaml"), yaml);
    return RulesLoader.load(dir, Map.of());
  }

  List<String> problems(String yaml) throws IOException {
    return load(yaml).problems().stream().map(p -> dir.relativize(p.file()) + ":" + p.line() + ":" + p.column() + ": " + p.message()).toList();
  }

  @Test
  void aRotationWithOffShiftIsRead() throws IOException {
    var r = load("""
        timezone: Europe/Berlin
        oncall:
          rotation: {start: 2026-12-07T09:00, shift: 7d, every: 21d}
          offShift: {critical: chime}
        """);
    assertThat(r.problems()).isEmpty();
    OncallSpec o = r.rules().oncall();
    assertThat(o.rotation()).isEqualTo(new OncallSpec.Rotation(LocalDateTime.parse("2026-12-07T09:00"), Duration.ofDays(7), Duration.ofDays(21)));
    assertThat(o.offShift()).isEqualTo(Map.of(Severity.CRITICAL, "chime"));
  }

  @Test
  void aCalendarUrlWithMatchAndRefreshIsRead() throws IOException {
    var r = load("oncall:\n  calendar: https://example.pagerduty.com/private/abc/feed.ics\n  match: alice@example.com\n  refresh: 30m\n");
    assertThat(r.problems()).isEmpty();
    assertThat(r.rules().oncall().calendar()).isEqualTo("https://example.pagerduty.com/private/abc/feed.ics");
    assertThat(r.rules().oncall().match()).isEqualTo("alice@example.com");
    assertThat(r.rules().oncall().refresh()).isEqualTo(Duration.ofMinutes(30));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                 | oncall body                                               | problem
      neither                  | '  offShift: {critical: notify}'                          | 'policy.yaml:2:3: policy: oncall: missing field "calendar" (an iCalendar URL or file) or "rotation"'
      both                     | '  calendar: a.ics\n  rotation: {start: 2026-12-07T09:00, shift: 7d, every: 21d}' | 'policy.yaml:3:13: policy: oncall: use either "calendar" or "rotation", not both'
      missing file             | '  calendar: shifts.ics'                                  | 'policy.yaml:2:13: policy: oncall: field "calendar": no file DIR/shifts.ics (give an http(s) URL or an .ics file)'
      bad start                | '  rotation: {start: monday, shift: 7d, every: 21d}'      | 'policy.yaml:2:21: policy: oncall.rotation: field "start": "monday" is not a local date and time like 2026-12-07T09:00'
      shift longer than every  | '  rotation: {start: 2026-12-07T09:00, shift: 7d, every: 1d}' | 'policy.yaml:2:46: policy: oncall.rotation: field "shift": 7d is longer than "every" (1d)'
      bad level                | '  rotation: {start: 2026-12-07T09:00, shift: 7d, every: 21d}\n  offShift: {critical: page}' | 'policy.yaml:3:24: policy: oncall: field "offShift.critical": "page" is not a behaviour (use wake, chime, notify, tray, digest)'
      misspelt field           | '  rotation: {start: 2026-12-07T09:00, shift: 7d, every: 21d}\n  offshift: {critical: notify}' | 'policy.yaml:3:3: policy: oncall: unknown field "offshift" (did you mean "offShift"?)'
      """)
  void mistakesAreRefusedWithFileLineAndField(String intent, String body, String problem) throws IOException {
    assertThat(problems("oncall:\n" + body.replace("\\n", "\n") + "\n")).as(intent)
        .containsExactly(problem.replace("DIR", dir.toString()));
  }
}
