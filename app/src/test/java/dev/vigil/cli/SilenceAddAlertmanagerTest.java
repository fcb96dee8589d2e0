package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.source.AlertmanagerProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil silence add} also silences matching alerts in the rules' Alertmanager sources (a real one). */
class SilenceAddAlertmanagerTest {
  @RegisterExtension final AlertmanagerProcess alertmanager = new AlertmanagerProcess();
  @TempDir Path data;
  @TempDir Path rules;

  @Test
  void silenceAddCreatesTheSameSilenceInAlertmanager() throws Exception {
    Files.writeString(rules.resolve("sources.yaml"), """
        sources:
          - id: team
            alertmanager: %s
            interval: 1s
        """.formatted(alertmanager.url()));
    StringWriter out = new StringWriter();
    CommandLine cli = VigilCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    int code = cli.execute("silence", "add", "--data", data.toString(), "--rules", rules.toString(),
        "--match", "monitor=payments-api", "--for", "30m", "--comment", "deploy 4.2");

    assertThat(code).as(out.toString()).isZero();
    assertThat(out.toString()).contains("Silence #1: monitor=payments-api until").contains("Alertmanager team: silence ");
    JsonNode silences = alertmanager.silences();
    assertThat(silences).hasSize(1);
    JsonNode silence = silences.get(0);
    assertThat(silence.path("status").path("state").asText()).isEqualTo("active");
    assertThat(silence.path("comment").asText()).isEqualTo("deploy 4.2");
    assertThat(silence.path("matchers").get(0).path("name").asText()).isEqualTo("alertname");
    assertThat(silence.path("matchers").get(0).path("value").asText()).isEqualTo("payments-api");
  }

  @Test
  void theSameKeyTwiceBecomesOneRegularExpressionMatcherInAlertmanager() throws Exception {
    Files.writeString(rules.resolve("sources.yaml"), """
        sources:
          - id: team
            alertmanager: %s
            interval: 1s
        """.formatted(alertmanager.url()));
    StringWriter out = new StringWriter();
    CommandLine cli = VigilCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    int code = cli.execute("silence", "add", "--data", data.toString(), "--rules", rules.toString(),
        "--match", "monitor=payments-api", "--match", "monitor=chat-api", "--match", "severity=critical", "--for", "30m");

    assertThat(code).as(out.toString()).isZero();
    JsonNode matchers = alertmanager.silences().get(0).path("matchers");
    assertThat(matchers).hasSize(2);
    assertThat(matchers.get(0).path("name").asText()).isEqualTo("alertname");
    assertThat(matchers.get(0).path("value").asText()).isEqualTo("payments-api|chat-api");
    assertThat(matchers.get(0).path("isRegex").asBoolean()).isTrue();
    assertThat(matchers.get(1).path("name").asText()).isEqualTo("severity");
    assertThat(matchers.get(1).path("value").asText()).isEqualTo("critical");
    assertThat(matchers.get(1).path("isRegex").asBoolean()).isFalse();
  }
}
