package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.policy.Notification;
import dev.vigil.policy.Outcome;
import dev.vigil.store.PolicyStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PolicyCommandsTest {
  @TempDir Path data;
  @TempDir Path rules;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(Object command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void quietModeIsTurnedOnForAWhileShownAndTurnedOff() {
    assertThat(run(new QuietCommand(), "on", "--for", "1h", "--data", data.toString(), "--rules", rules.toString())).isZero();
    assertThat(out.toString()).startsWith("Quiet mode on: until ");
    assertThat(run(new QuietCommand(), "status", "--data", data.toString(), "--rules", rules.toString())).isZero();
    assertThat(out.toString()).contains("Quiet mode on: until ");
    assertThat(run(new QuietCommand(), "off", "--data", data.toString())).isZero();
    assertThat(run(new QuietCommand(), "status", "--data", data.toString(), "--rules", rules.toString())).isZero();
    assertThat(out.toString()).endsWith("Quiet mode off" + System.lineSeparator());
  }

  @Test
  void aBrokenPolicyIsNamedNotSilentlyDefaulted() throws Exception {
    java.nio.file.Files.writeString(rules.resolve("policy.yaml"), "timezone: UTC\novernight: late\n");
    assertThat(run(new QuietCommand(), "on", "--until-morning", "--data", data.toString(), "--rules", rules.toString())).isZero();
    assertThat(err.toString()).isEqualTo("vigil: " + rules.resolve("policy.yaml")
        + " has 1 problem (see `vigil validate`); the defaults stand for that field" + System.lineSeparator());
  }

  @Test
  void aSilenceIsAddedListedAndRemoved() {
    assertThat(run(new SilenceCommand(), "add", "--match", "monitor=payments-api", "--for", "30m", "--comment", "deploy",
        "--data", data.toString())).isZero();
    assertThat(out.toString()).startsWith("Silence #1: monitor=payments-api until ");
    assertThat(run(new SilenceCommand(), "list", "--data", data.toString())).isZero();
    assertThat(out.toString()).contains("monitor=payments-api").contains("deploy");
    assertThat(run(new SilenceCommand(), "remove", "1", "--data", data.toString())).isZero();
    assertThat(run(new SilenceCommand(), "remove", "1", "--data", data.toString())).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("vigil: no silence #1" + System.lineSeparator());
  }

  @Test
  void aMatchWithoutAValueIsRefusedWithTheExactMessage() {
    assertThat(run(new SilenceCommand(), "add", "--match", "monitor", "--for", "30m", "--data", data.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("vigil: --match: \"monitor\" is not KEY=VALUE" + System.lineSeparator());
  }

  @Test
  void notificationsAsJsonHaveExactlyTheContractFields() throws Exception {
    try (PolicyStore s = PolicyStore.openMigrated(data)) {
      s.record(new Notification(Instant.now().minusSeconds(60), 7L, "desktop", "chime", Outcome.SUPPRESSED, "quiet mode until 07:00"));
      s.record(new Notification(Instant.now().minusSeconds(30), null, "drill", "audio", Outcome.FAILED, "the default audio output is muted"));
    }
    assertThat(run(new NotificationsCommand(), "--json", "--since", "1h", "--data", data.toString())).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json).hasSize(2);
    List<String> fields = new java.util.ArrayList<>();
    json.get(0).fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("time", "alertId", "channel", "level", "outcome", "reason");
    assertThat(json.get(0).get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d([+-]\\d\\d:\\d\\d|Z)");
    assertThat(json.get(0).get("outcome").asText()).isEqualTo("suppressed");
    assertThat(json.get(0).get("reason").asText()).isEqualTo("quiet mode until 07:00");
    assertThat(json.get(1).get("alertId").isNull()).isTrue();
  }
}
