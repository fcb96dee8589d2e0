package dev.vigil.ui.monitors;

import static org.assertj.core.api.Assertions.assertThat;

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
    form.id().set("shop2");
    form.interval().set("soon");
    form.test();
    assertThat(form.status().get()).isEqualTo("Not tested: fix the fields below");
    assertThat(form.lines()).containsExactly(
        "interval: monitor \"shop2\": field \"interval\": \"soon\" is not a duration (use 500ms, 30s, 5m, 1h, 1d) (monitors.yaml line 8)");
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
  }
}
