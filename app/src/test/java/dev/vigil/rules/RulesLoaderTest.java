package dev.vigil.rules;

import dev.vigil.config.Location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Severity;
import dev.vigil.evaluate.Condition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RulesLoaderTest {
  static final Map<String, String> ENV = Map.of("PAY_TOKEN", "s3cr3t-t0ken", "PAY_HOST", "pay.example");

  @TempDir Path dir;

  List<String> problems(String yaml) throws IOException {
    Files.writeString(dir.resolve("alerts.yaml"), yaml);
    return RulesLoader.load(dir, ENV).problems().stream().map(p -> dir.relativize(p.file()) + ":" + p.line() + ":" + p.column() + ": " + p.message()).toList();
  }

  static final String HEAD = "monitors:\n  - id: payments-api\n    url: https://pay.example/health\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                    | extra line                        | problem
      duration in words           | '    interval: 30 seconds'         | 'alerts.yaml:4:15: monitor "payments-api": field "interval": "30 seconds" is not a duration (use 500ms, 30s, 5m, 1h, 1d)'
      misspelt field              | '    intervall: 30s'               | 'alerts.yaml:4:5: monitor "payments-api": unknown field "intervall" (did you mean "interval"?)'
      interval too short          | '    interval: 100ms'              | 'alerts.yaml:4:15: monitor "payments-api": field "interval": 100ms is shorter than 500ms'
      timeout over interval       | '    timeout: 1m'                  | 'alerts.yaml:4:14: monitor "payments-api": field "timeout": 1m is longer than the interval (30s)'
      unknown severity            | '    severity: page'               | 'alerts.yaml:4:15: monitor "payments-api": field "severity": "page" must be critical, warning or info'
      confirm zero                | '    confirm: 0'                   | 'alerts.yaml:4:14: monitor "payments-api": field "confirm": "0" must be a whole number from 1 to 100'
      recover as text             | '    recover: two'                 | 'alerts.yaml:4:14: monitor "payments-api": field "recover": "two" must be a whole number from 1 to 100'
      breakthrough not boolean    | '    breakthrough: maybe'          | 'alerts.yaml:4:19: monitor "payments-api": field "breakthrough": "maybe" must be true or false'
      body cap in megabytes       | '    bodyCap: 1MB'                 | 'alerts.yaml:4:14: monitor "payments-api": field "bodyCap": "1MB" is not a size from 1 byte to 256MiB (use bytes, 64KiB or 1MiB)'
      misspelt condition subject  | '    expect: [status == 200, stauts == 200]' | 'alerts.yaml:4:29: monitor "payments-api": field "expect[1]": unknown condition subject "stauts" (did you mean "status"?)'
      condition column in quotes  | '    expect: ["latency < 800"]'    | 'alerts.yaml:4:25: monitor "payments-api": field "expect[0]": "800" has no unit (use 500ms, 30s, 5m, 1h, 1d)'
      labels not a map            | '    labels: payments'             | 'alerts.yaml:4:13: monitor "payments-api": field "labels": expected a map of names to values, not "payments"'
      missing env variable        | '    headers: {Authorization: "Bearer ${env:NO_SUCH}"}' | 'alerts.yaml:4:30: monitor "payments-api": field "headers.Authorization": environment variable NO_SUCH is not set'
      non-env variable            | '    labels: {team: "${TEAM}"}'   | 'alerts.yaml:4:20: monitor "payments-api": field "labels.team": unknown variable ${TEAM} (use ${env:NAME})'
      runbook not a web address   | '    runbook: wiki/payments'       | 'alerts.yaml:4:14: monitor "payments-api": field "runbook": "wiki/payments" is not an http or https URL with a host'
      """)
  void eachMistakeInAMonitorIsReportedAtItsPlace(String intent, String extra, String problem) throws IOException {
    assertThat(problems(HEAD + extra + "\n")).containsExactly(problem);
  }

  @Test
  void missingFieldsNameTheRuleOrItsIndex() throws IOException {
    assertThat(problems("monitors:\n  - id: x\n  - url: https://a.example\n  - id: bad id\n    url: https://a.example\n"))
        .containsExactly(
            "alerts.yaml:2:5: monitor \"x\": missing field \"url\" (or \"tcp\", \"tls\", \"dns\", \"ping\")",
            "alerts.yaml:3:5: monitor at index 1: missing field \"id\"",
            "alerts.yaml:4:9: monitor at index 2: field \"id\": \"bad id\" may only use letters, digits, \".\", \"_\" and \"-\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent           | url                    | problem
      ftp scheme         | ftp://pay.example/     | '"ftp://pay.example/" is not an http or https URL with a host'
      no host            | https:///health        | '"https:///health" is not an http or https URL with a host'
      not a url          | pay.example            | '"pay.example" is not an http or https URL with a host'
      """)
  void badUrlsAreRefused(String intent, String url, String problem) throws IOException {
    assertThat(problems("monitors:\n  - id: x\n    url: " + url + "\n"))
        .containsExactly("alerts.yaml:3:10: monitor \"x\": field \"url\": " + problem);
  }

  @Test
  void aRunbookIsKeptOnItsMonitor() throws IOException {
    Files.writeString(dir.resolve("alerts.yaml"), HEAD + "    runbook: https://wiki.example/runbooks/payments\n");
    var loaded = RulesLoader.load(dir, java.util.Map.of());
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.rules().monitors().get(0).runbook()).isEqualTo("https://wiki.example/runbooks/payments");
  }

  @Test
  void duplicateIdsPointToTheFirstDefinitionAcrossFiles() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "monitors:\n  - id: payments-api\n    url: https://a.example\n");
    assertThat(problems(HEAD)).containsExactly(
        "alerts.yaml:2:9: duplicate monitor id \"payments-api\" (first defined at a.yaml:2)");
  }

  @Test
  void unknownTopLevelKeysAreReported() throws IOException {
    assertThat(problems("monitor:\n  - id: x\n")).containsExactly(
        "alerts.yaml:1:1: unknown key \"monitor\" (did you mean \"monitors\"?)");
  }

  @Test
  void allProblemsInAllFilesAreCollected() throws IOException {
    Files.writeString(dir.resolve("b.yml"), "heartbeats:\n  - id: backup\n    every: 1d\n    cron: \"0 3 * * *\"\n"
        + "sources:\n  - id: am\n    alertmanager: localhost:9093\n    matchers: [team=payments]\n");
    assertThat(problems(HEAD + "    confirm: 0\n    recover: 0\n")).containsExactly(
        "alerts.yaml:4:14: monitor \"payments-api\": field \"confirm\": \"0\" must be a whole number from 1 to 100",
        "alerts.yaml:5:14: monitor \"payments-api\": field \"recover\": \"0\" must be a whole number from 1 to 100",
        "b.yml:4:11: heartbeat \"backup\": use either \"every\" or \"cron\", not both",
        "b.yml:7:19: source \"am\": field \"alertmanager\": \"localhost:9093\" is not an http or https URL with a host",
        "b.yml:8:16: source \"am\": field \"matchers[0]\": \"team=payments\" is not a matcher like team=\"payments\"");
  }

  @Test
  void heartbeatCronIsValidatedAsFiveFields() throws IOException {
    assertThat(problems("heartbeats:\n  - id: b\n    cron: \"0 3 * *\"\n  - id: c\n"))
        .hasSize(2)
        .first().asString().startsWith("alerts.yaml:3:11: heartbeat \"b\": field \"cron\": \"0 3 * *\" is not a 5-field cron expression");
    assertThat(problems("heartbeats:\n  - id: c\n")).containsExactly(
        "alerts.yaml:2:5: heartbeat \"c\": missing field \"every\" (or \"cron\")");
  }

  @Test
  void yamlSyntaxErrorIsOneProblemWithTheParsersPlace() throws IOException {
    assertThat(problems("monitors: [\n  id: x\n")).hasSize(1).first().asString().startsWith("alerts.yaml:3:1: YAML syntax: ");
  }

  @Test
  void defaultsAreApplied() throws IOException {
    Files.writeString(dir.resolve("alerts.yaml"), HEAD
        + "heartbeats:\n  - id: backup\n    every: 1d\nsources:\n  - id: am\n    alertmanager: http://127.0.0.1:9093\n");
    RulesLoader.LoadResult r = RulesLoader.load(dir, Map.of());
    assertThat(r.ok()).isTrue();
    Monitor m = r.rules().monitors().get(0);
    assertThat(m.interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(m.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(m.severity()).isEqualTo(Severity.WARNING);
    assertThat(List.of(m.confirm(), m.recover())).containsExactly(2, 2);
    assertThat(m.expect()).extracting(Condition::text).containsExactly("status < 400");
    assertThat(m.breakthrough()).isFalse();
    assertThat(m.bodyCap()).isEqualTo(1 << 20);
    assertThat(m.where()).isEqualTo(new Location(dir.resolve("alerts.yaml"), 2, 5));
    HeartbeatRule h = r.rules().heartbeats().get(0);
    assertThat(h.grace()).isEqualTo(Duration.ofMinutes(5));
    assertThat(h.every()).isEqualTo(Duration.ofDays(1));
    assertThat(r.rules().sources().get(0).interval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(r.rules().policy().overnight().text()).isEqualTo("22:00-08:00");
  }

  @Test
  void envVariablesAreSubstitutedAfterParsing() throws IOException {
    Files.writeString(dir.resolve("alerts.yaml"), "monitors:\n  - id: x\n    url: https://${env:PAY_HOST}/health\n"
        + "    headers: {Authorization: \"Bearer ${env:PAY_TOKEN}\"}\n    labels: {host: \"${env:PAY_HOST}\"}\n");
    Monitor m = RulesLoader.load(dir, ENV).rules().monitors().get(0);
    assertThat(m.url()).isEqualTo("https://pay.example/health");
    assertThat(m.headers()).containsEntry("Authorization", "Bearer s3cr3t-t0ken");
    assertThat(m.labels()).containsEntry("host", "pay.example");
  }

  @Test
  void aSecretNeverAppearsInAProblem() throws IOException {
    List<String> found = problems("monitors:\n  - id: x\n    url: \"${env:PAY_TOKEN}\"\n    headers: {A: \"${env:PAY_TOKEN}\", B: 1}\n"
        + "    interval: \"${env:PAY_TOKEN}\"\n");
    assertThat(found).isNotEmpty().noneMatch(p -> p.contains("s3cr3t"));
  }

  @Test
  void policyIsReadIntoTheSameResultWithItsProblemsAtTheirPlaces() throws IOException {
    Files.writeString(dir.resolve("policy.yaml"), "timezone: Europe/Berlin\novernight: \"23:00-07:00\"\n");
    RuleSet rules = RulesLoader.load(dir, Map.of()).rules();
    assertThat(rules.policy().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(rules.policy().overnight().on(java.time.DayOfWeek.MONDAY).orElseThrow()).hasToString("23:00-07:00");
    assertThat(rules.policyFile()).isEqualTo(dir.resolve("policy.yaml"));
    Files.writeString(dir.resolve("policy.yaml"), "timezone: Europe/Berln\novernight: 22-8\n");
    assertThat(problems("")).containsExactly(
        "policy.yaml:1:11: policy: field \"timezone\": \"Europe/Berln\" is not a time zone (e.g. Europe/Berlin, or system)",
        "policy.yaml:2:12: policy: field \"overnight\": \"22-8\" is not a window (use HH:MM-HH:MM, e.g. 22:00-08:00, or off)");
  }

  @Test
  void aSecondPolicyFileIsAProblem() throws IOException {
    Files.writeString(dir.resolve("policy.yaml"), "timezone: UTC\n");
    Files.writeString(dir.resolve("policy.yml"), "timezone: UTC\n");
    assertThat(problems("")).containsExactly("policy.yml:1:1: a second policy file; the policy is already in policy.yaml");
  }

  @Test
  void onlyYamlFilesDirectlyInTheFolderAreRead() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/bad.yaml"), "nonsense: 1\n");
    Files.writeString(dir.resolve("notes.txt"), "nonsense: 1\n");
    assertThat(problems(HEAD)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"billion laughs", "deep nesting", "custom tag", "huge file"})
  @Timeout(10)
  void hostileYamlIsRefusedQuicklyWithAPlace(String attack) throws IOException {
    String yaml;
    switch (attack) {
      case "billion laughs" -> {
        StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
          char p = (char) (c - 1);
          b.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
              .append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        yaml = b.toString();
      }
      case "deep nesting" -> yaml = "monitors: " + "[".repeat(100_000);
      case "custom tag" -> yaml = "monitors: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n";
      default -> yaml = "# " + "x".repeat(9 << 20) + "\n";
    }
    List<String> found = problems(yaml);
    assertThat(found).hasSize(1);
    assertThat(found.get(0)).matches("alerts\\.yaml:\\d+:\\d+: .*").satisfiesAnyOf(
        p -> assertThat(p).contains("aliases (*a) are not supported"),
        p -> assertThat(p).contains("nested deeper than 100 levels"),
        p -> assertThat(p).contains("custom tag \"!!javax.script.ScriptEngineManager\" is not allowed"),
        p -> assertThat(p).isEqualTo("alerts.yaml:1:1: file is larger than 8 MiB; refused"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"../alert-rules", "../alert-rules/examples"})
  void shippedRulesLoadWithoutProblems(String folder) {
    RulesLoader.LoadResult r = RulesLoader.load(Path.of(folder), Map.of("PAY_TOKEN", "example"));
    assertThat(r.problems()).isEmpty();
  }
}
