package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.policy.Notification;
import dev.vigil.alert.Severity;
import dev.vigil.policy.Outcome;
import dev.vigil.policy.Silence;
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

  /** Runs {@code vigil NAME ARGS...} through the whole command line, as a person does. */
  int run(Object command, String... args) {
    String name = command.getClass().getAnnotation(CommandLine.Command.class).name();
    CommandLine cli = VigilCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = name;
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }

  @Test
  void notificationsAsJsonShowEveryTimeWithItsSecondsAndOffset() {
    java.time.Instant onTheMinute = java.time.Instant.parse("2026-12-06T23:00:00Z");
    try (dev.vigil.store.PolicyStore store = dev.vigil.store.PolicyStore.openMigrated(data)) {
      store.record(new dev.vigil.policy.Notification(onTheMinute, 7L, "ladder", "wake", dev.vigil.policy.Outcome.SENT, "critical overnight"));
    }
    assertThat(run(new NotificationsCommand(), "--json", "--since", "2026-12-01", "--data", data.toString())).isZero();
    String expected = java.time.OffsetDateTime.ofInstant(onTheMinute, java.time.ZoneId.systemDefault())
        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    assertThat(out.toString()).contains("\"time\" : \"" + expected + "\"").matches("(?s).*\"time\" : \"[^\"]*T\\d\\d:\\d\\d:\\d\\d.*");
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
        "--data", data.toString(), "--rules", rules.toString())).isZero();
    assertThat(out.toString()).startsWith("Silence #1: monitor=payments-api until ");
    assertThat(run(new SilenceCommand(), "list", "--data", data.toString())).isZero();
    assertThat(out.toString()).contains("monitor=payments-api").contains("deploy");
    assertThat(run(new SilenceCommand(), "remove", "1", "--data", data.toString())).isZero();
    assertThat(run(new SilenceCommand(), "remove", "1", "--data", data.toString())).isEqualTo(1);
    assertThat(err.toString()).endsWith(System.lineSeparator() + "vigil silence remove: no silence #1" + System.lineSeparator());
  }

  @Test
  void aMatchWithoutAValueIsRefusedWithTheExactMessage() {
    assertThat(run(new SilenceCommand(), "add", "--match", "monitor", "--for", "30m", "--data", data.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("vigil silence add: --match: \"monitor\" is not KEY=VALUE" + System.lineSeparator());
  }

  @Test
  void everyMatchIsKeptAndTheSameKeyTwiceMatchesEither() {
    assertThat(run(new SilenceCommand(), "add", "--match", "monitor=payments-api", "--match", "monitor=chat-api",
        "--match", "severity=critical", "--for", "30m", "--data", data.toString(), "--rules", rules.toString())).isZero();
    assertThat(out.toString()).startsWith("Silence #1: monitor=payments-api|chat-api,severity=critical until ");
    try (PolicyStore s = PolicyStore.openMigrated(data)) {
      Silence silence = s.silences(Instant.now()).get(0);
      assertThat(silence.matches(alert("payments-api", Severity.CRITICAL))).isTrue();
      assertThat(silence.matches(alert("chat-api", Severity.CRITICAL))).isTrue();
      assertThat(silence.matches(alert("chat-api", Severity.WARNING))).isFalse();
      assertThat(silence.matches(alert("search", Severity.CRITICAL))).isFalse();
    }
  }

  @Test
  void aMonitorVigilDoesNotKnowIsWarnedAboutOnStderrAndTheSilenceIsStillMade() {
    assertThat(run(new SilenceCommand(), "add", "--match", "monitor=paymnets-api", "--for", "30m",
        "--data", data.toString(), "--rules", rules.toString())).isZero();
    assertThat(err.toString()).isEqualTo("vigil silence add: warning: no monitor \"paymnets-api\" in " + rules
        + " and no alert of it yet; the silence holds back its alerts when they come" + System.lineSeparator());
    assertThat(out.toString()).startsWith("Silence #1: monitor=paymnets-api until ");
  }

  @Test
  void aMonitorInTheRulesIsNotWarnedAbout() throws Exception {
    java.nio.file.Files.writeString(rules.resolve("vigil.yaml"), "monitors:\n  - id: payments-api\n    url: http://127.0.0.1:9/\n");
    assertThat(run(new SilenceCommand(), "add", "--match", "monitor=payments-*", "--for", "30m",
        "--data", data.toString(), "--rules", rules.toString())).isZero();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aWriterCreatesTheDataFolderAndDatabaseForItsOwnerOnly() throws Exception {
    Path fresh = data.resolve("new/vigil");
    assertThat(run(new QuietCommand(), "on", "--for", "1h", "--data", fresh.toString(), "--rules", rules.toString())).isZero();
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(fresh.resolve("vigil.db"))))
        .isEqualTo("rw-------");
  }

  static dev.vigil.alert.Alert alert(String monitor, Severity severity) {
    Instant t = Instant.parse("2026-11-24T22:00:00Z");
    return new dev.vigil.alert.Alert(1, "fp", monitor, severity, dev.vigil.alert.AlertState.FIRING, t, t, null, 1, "down", java.util.Map.of(), null);
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
