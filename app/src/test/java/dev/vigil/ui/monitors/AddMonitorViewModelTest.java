package dev.vigil.ui.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.vigil.check.HostPort;
import dev.vigil.check.Target;
import dev.vigil.rules.Monitor;
import dev.vigil.rules.RulesLoader;
import dev.vigil.ui.FakeContext;
import dev.vigil.ui.Io;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The add-monitor form without a window: Test checks a real server on 127.0.0.1, Add writes the rules file. */
class AddMonitorViewModelTest {
  static final String RULES = """
      # what we watch
      monitors:
        # the shop
        - id: shop
          url: https://shop.example/health   # keep this comment

      # maintenance goes below
      """;

  @TempDir Path rules;
  final List<String> refreshed = new ArrayList<>();

  private AddMonitorViewModel form() {
    return new AddMonitorViewModel(new FakeContext(null, rules), Io.direct(), () -> refreshed.add("board"));
  }

  @Test
  void testChecksNowAndAddWritesTheMonitorKeepingTheFileAsWritten() throws Exception {
    Files.writeString(rules.resolve("monitors.yaml"), RULES);
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(200).body("{\"status\":\"UP\"}").build());
      server.start(InetAddress.getLoopbackAddress(), 0);
      String url = server.url("/health").toString();
      AddMonitorViewModel form = form();
      form.id().set("payments-api");
      form.target().set(url);
      form.interval().set("1m");
      form.severity().set("critical");
      form.expect().set("status == 200\njson $.status == \"UP\"\n");

      form.test();
      assertThat(form.status().get()).matches("Passes: ok in \\d+ ms");
      assertThat(form.lines()).containsExactly("pass  status (200) == 200", "pass  json $.status (\"UP\") == \"UP\"");
      assertThat(Files.readString(rules.resolve("monitors.yaml"))).isEqualTo(RULES);
      assertThat(refreshed).isEmpty();

      form.add();
      assertThat(form.status().get()).isEqualTo("Added \"payments-api\" to monitors.yaml; Vigil reloads the rules and starts watching it.");
      assertThat(form.lines()).isEmpty();
      assertThat(refreshed).containsExactly("board");
      assertThat(Files.readString(rules.resolve("monitors.yaml"))).isEqualTo("""
          # what we watch
          monitors:
            # the shop
            - id: shop
              url: https://shop.example/health   # keep this comment
            - id: payments-api
              url: %s
              interval: 1m
              severity: critical
              expect:
                - 'status == 200'
                - 'json $.status == "UP"'

          # maintenance goes below
          """.formatted(url));
      RulesLoader.LoadResult read = RulesLoader.load(rules, Map.of());
      assertThat(read.problems()).isEmpty();
      Monitor added = read.rules().monitors().stream().filter(m -> m.id().equals("payments-api")).findFirst().orElseThrow();
      assertThat(added.url()).isEqualTo(url);
      assertThat(added.expect()).hasSize(2);
    }
  }

  @Test
  void aFailingTestShowsTheValueSeen() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(503).build());
      server.start(InetAddress.getLoopbackAddress(), 0);
      AddMonitorViewModel form = form();
      form.id().set("api");
      form.target().set(server.url("/").toString());
      form.expect().set("status == 200");
      form.test();
      assertThat(form.status().get()).matches("Fails: status: status \\(503\\) == 200 \\(after \\d+ ms\\)");
      assertThat(form.lines()).containsExactly("FAIL  status (503) == 200");
      assertThat(rules.resolve("monitors.yaml")).doesNotExist();
    }
  }

  @Test
  void problemsNameTheFieldAndTheLineAndNothingIsWritten() throws Exception {
    Files.writeString(rules.resolve("monitors.yaml"), RULES);
    AddMonitorViewModel form = form();
    form.id().set("shop");
    form.target().set("https://shop2.example/");
    form.add();
    assertThat(form.status().get()).isEqualTo("Not added: fix the fields below; monitors.yaml is left as it was");
    assertThat(form.lines()).containsExactly("id: duplicate monitor id \"shop\" (first defined at monitors.yaml:4) (monitors.yaml line 6)");
    assertThat(form.fieldProblems()).containsExactly(entry("id", "duplicate monitor id \"shop\" (first defined at monitors.yaml:4)"));
    form.id().set("shop2");
    assertThat(form.fieldProblems()).as("edited, the field's problem goes").isEmpty();
    form.interval().set("soon");
    form.test();
    assertThat(form.status().get()).isEqualTo("Not tested: fix the fields below");
    assertThat(form.lines()).containsExactly(
        "interval: monitor \"shop2\": field \"interval\": \"soon\" is not a duration (use 500ms, 30s, 5m, 1h, 1d) (monitors.yaml line 8)");
    assertThat(form.fieldProblems()).containsExactly(entry("interval", "\"soon\" is not a duration (use 500ms, 30s, 5m, 1h, 1d)"));
    assertThat(Files.readString(rules.resolve("monitors.yaml"))).isEqualTo(RULES);
    assertThat(refreshed).isEmpty();
  }

  @Test
  void thePolicyFileIsNotARulesFileForMonitors() {
    AddMonitorViewModel form = form();
    form.id().set("api");
    form.target().set("https://api.example/");
    form.file().set("policy.yaml");
    form.add();
    assertThat(form.status().get()).isEqualTo("Not added: " + rules.resolve("policy.yaml") + " holds the policy, not monitors");
    assertThat(form.lines()).isEmpty();
    assertThat(form.fieldProblems()).containsExactly(entry("file", rules.resolve("policy.yaml") + " holds the policy, not monitors"));
    assertThat(rules.resolve("policy.yaml")).doesNotExist();
  }

  @Test
  void aMissingFieldIsSaidBeforeAnythingRuns() {
    AddMonitorViewModel form = form();
    form.id().set("api");
    form.kind().set("tcp");
    form.test();
    assertThat(form.status().get()).isEqualTo("Not yet: target: say what to check (db.example:5432)");
    assertThat(form.lines()).isEmpty();
    assertThat(form.fieldProblems()).containsExactly(entry("target", "say what to check (db.example:5432)"));
    form.kind().set("dns");
    assertThat(form.fieldProblems()).as("another kind, another target").isEmpty();
  }

  @Test
  void eachKindWritesItsOwnFieldsAndOnlyThose() throws Exception {
    AddMonitorViewModel form = form();
    form.record().set("MX");
    form.server().set("127.0.0.1:5353");
    form.send().set("EHLO vigil.example");
    form.verify().set(false);
    form.id().set("smtp");
    form.kind().set("tcp");
    form.target().set("mail.example:25");
    form.interval().set("1m");
    form.timeout().set("5s");
    form.confirm().set("3");
    form.recover().set("1");
    form.runbook().set("https://wiki.example/runbooks/mail");
    form.labels().set("team=mail, tier = 1");
    form.expect().set("banner contains \"ESMTP\"");
    form.add();
    assertThat(form.status().get()).isEqualTo("Added \"smtp\" to monitors.yaml; Vigil reloads the rules and starts watching it.");
    form.id().set("mail-cert");
    form.kind().set("tls");
    form.target().set("mail.example:465");
    form.labels().set("");
    form.expect().set("cert expires > 14d");
    form.add();
    form.id().set("mx");
    form.kind().set("dns");
    form.target().set("example.com");
    form.expect().set("");
    form.runbook().set("");
    form.add();
    assertThat(form.status().get()).isEqualTo("Added \"mx\" to monitors.yaml; Vigil reloads the rules and starts watching it.");
    assertThat(Files.readString(rules.resolve("monitors.yaml"))).isEqualTo("""
        monitors:
          - id: smtp
            tcp: mail.example:25
            send: 'EHLO vigil.example'
            interval: 1m
            timeout: 5s
            severity: warning
            confirm: 3
            recover: 1
            runbook: https://wiki.example/runbooks/mail
            expect:
              - 'banner contains "ESMTP"'
            labels:
              team: mail
              tier: '1'
          - id: mail-cert
            tls: mail.example:465
            verify: false
            interval: 1m
            timeout: 5s
            severity: warning
            confirm: 3
            recover: 1
            runbook: https://wiki.example/runbooks/mail
            expect:
              - 'cert expires > 14d'
          - id: mx
            dns: example.com
            record: MX
            server: 127.0.0.1:5353
            interval: 1m
            timeout: 5s
            severity: warning
            confirm: 3
            recover: 1
        """);
    RulesLoader.LoadResult read = RulesLoader.load(rules, Map.of());
    assertThat(read.problems()).isEmpty();
    assertThat(read.rules().monitors()).extracting(m -> m.id() + " " + m.target()).containsExactly(
        "smtp " + new Target.Tcp("mail.example", 25, "EHLO vigil.example"),
        "mail-cert " + new Target.Tls("mail.example", 465, false),
        "mx " + new Target.Dns("example.com", "MX", HostPort.parse("127.0.0.1:5353").orElseThrow()));
  }

  @Test
  void eachProblemIsSaidAtItsFieldWithoutTheNamesItCarries() {
    AddMonitorViewModel form = form();
    form.id().set("db");
    form.kind().set("tcp");
    form.target().set("db.example:5432");
    form.labels().set("team=db, oncall");
    form.test();
    assertThat(form.status().get()).isEqualTo("Not yet: labels: \"oncall\" is not key=value (e.g. team=payments, tier=1)");
    assertThat(form.fieldProblems()).containsExactly(entry("labels", "\"oncall\" is not key=value (e.g. team=payments, tier=1)"));
    form.labels().set("team=db");
    form.confirm().set("two");
    form.timeout().set("1m");
    form.runbook().set("wiki");
    form.expect().set("latency < 100ms\nstatus == 200");
    form.test();
    assertThat(form.status().get()).isEqualTo("Not tested: fix the fields below");
    assertThat(form.fieldProblems()).containsOnly(
        entry("timeout", "1m is longer than the interval (30s)"),
        entry("confirm", "\"two\" must be a whole number from 1 to 100"),
        entry("runbook", "\"wiki\" is not an http or https URL with a host"),
        entry("expect", "line 2: \"status\" does not apply to a tcp check (use banner or latency)"));
    form.expect().set("latency < 100ms");
    assertThat(form.fieldProblems()).doesNotContainKey("expect").containsKey("timeout");
    assertThat(rules.resolve("monitors.yaml")).doesNotExist();
  }

  /** One line of intent per case: the YAML line a problem is on, and the form's field it belongs to. */
  @ParameterizedTest(name = "line {0}: {1}")
  @CsvSource(nullValues = "none", value = {
      "1, none",       // the list's key, outside any monitor
      "2, id",         // the entry's first line
      "3, target",     // url, tcp, tls, dns and ping are the target
      "4, timeout",
      "6, expect",     // a condition belongs to its list
      "8, labels",     // a label's value to the labels
      "10, runbook"})   // under a comment
  void aProblemsLineBelongsToTheFieldWhoseKeyHoldsIt(int line, String field) {
    List<String> yaml = List.of(
        "monitors:",
        "  - id: web",
        "    dns: db.example",
        "    timeout: 5 parsecs",
        "    expect:",
        "      - 'status == 200'",
        "    labels:",
        "      team: web",
        "    # a comment between fields",
        "    runbook: wiki");
    assertThat(ProblemAtField.field(yaml, line)).isEqualTo(field);
  }
}
