package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil monitor add|pause|resume} on a real rules folder and data folder (no Vigil running). */
class MonitorCommandTest {
  @TempDir Path home;
  @TempDir Path rules;

  private static final String FILE = """
      # Payments team monitors: keep this header
      monitors:
        # the public API
        - id: payments-api
          url: https://pay.example/health   # public health
          interval: 30s
          expect:
            - status == 200

      # heartbeats below, owned by the backup team
      heartbeats:
        - id: nightly-backup
          every: 24h   # at 03:00
      """;

  private Cli cli() {
    return new Cli(Cli.linuxUnder(home));
  }

  @Test
  void addKeepsEveryOtherByteOfTheFile() throws Exception {
    Path file = rules.resolve("alerts.yaml");
    Files.writeString(file, FILE);
    Cli cli = cli();
    int exit = cli.execute("monitor", "add", file.toString(), "--id", "db", "--tcp", "db.example:5432",
        "--interval", "1m", "--expect", "banner contains \"PostgreSQL\"", "--label", "team=payments");
    assertThat(cli.err.toString()).isEmpty();
    assertThat(exit).isZero();
    assertThat(cli.out.toString()).isEqualTo("monitor \"db\" added to " + file + "\n");
    int cut = FILE.indexOf("\n# heartbeats") + 1;
    assertThat(Files.readString(file)).isEqualTo(FILE.substring(0, cut - 1)
        + "  - id: db\n"
        + "    tcp: db.example:5432\n"
        + "    interval: 1m\n"
        + "    expect:\n"
        + "      - 'banner contains \"PostgreSQL\"'\n"
        + "    labels:\n"
        + "      team: payments\n"
        + FILE.substring(cut - 1));
    assertThat(cli().execute("validate", "--rules", rules.toString())).isZero();
  }

  @Test
  void addFillsAnEmptyListAndMakesAMissingFile() throws Exception {
    Path empty = rules.resolve("empty.yaml");
    Files.writeString(empty, "monitors: []   # none yet\n");
    assertThat(cli().execute("monitor", "add", empty.toString(), "--id", "gw", "--ping", "127.0.0.1")).isZero();
    assertThat(Files.readString(empty)).isEqualTo("monitors:    # none yet\n  - id: gw\n    ping: 127.0.0.1\n");
    Path fresh = rules.resolve("dns.yaml");
    assertThat(cli().execute("monitor", "add", fresh.toString(), "--id", "db-record", "--dns", "db.example",
        "--record", "A", "--expect", "answer contains \"10.0.0.5\"")).isZero();
    assertThat(Files.readString(fresh)).isEqualTo(
        "monitors:\n  - id: db-record\n    dns: db.example\n    record: A\n    expect:\n      - 'answer contains \"10.0.0.5\"'\n");
  }

  @Test
  void addWritesEachOptionUnderItsKey() throws Exception {
    Path file = rules.resolve("mail.yaml");
    assertThat(cli().execute("monitor", "add", file.toString(), "--id", "mail-cert", "--tls", "mail.example:465",
        "--no-verify", "--timeout", "5s", "--severity", "critical", "--confirm", "3", "--recover", "1",
        "--runbook", "https://wiki.example/runbooks/mail", "--expect", "cert expires > 14d")).isZero();
    assertThat(Files.readString(file)).isEqualTo("""
        monitors:
          - id: mail-cert
            tls: mail.example:465
            verify: false
            timeout: 5s
            severity: critical
            confirm: 3
            recover: 1
            runbook: https://wiki.example/runbooks/mail
            expect:
              - 'cert expires > 14d'
        """);
    assertThat(cli().execute("validate", "--rules", rules.toString())).isZero();
  }

  @Test
  void aMonitorTheRulesWouldRefuseLeavesTheFileAsItWas() throws Exception {
    Path file = rules.resolve("alerts.yaml");
    Files.writeString(file, FILE);
    Cli duplicate = cli();
    assertThat(duplicate.execute("monitor", "add", file.toString(), "--id", "payments-api", "--tcp", "db.example:5432"))
        .isEqualTo(1);
    assertThat(duplicate.err.toString()).isEqualTo(file + ":9:9: duplicate monitor id"
        + " \"payments-api\" (first defined at alerts.yaml:4)\nvigil monitor add: " + file + " left as it was\n");
    Cli wrongKind = cli();
    assertThat(wrongKind.execute("monitor", "add", file.toString(), "--id", "db", "--tcp", "db.example:5432",
        "--expect", "status == 200")).isEqualTo(1);
    assertThat(wrongKind.err.toString()).startsWith(file + ":12:10: monitor \"db\": field \"expect[0]\": \"status\" does"
        + " not apply to a tcp check (use banner or latency)\n");
    assertThat(Files.readString(file)).isEqualTo(FILE);
    Cli two = cli();
    assertThat(two.execute("monitor", "add", file.toString(), "--id", "db", "--tcp", "a:1", "--url", "https://a.example"))
        .isEqualTo(2);
  }

  @Test
  void pauseIsRecordedShownOnTheBoardAndResumed() throws Exception {
    Files.writeString(rules.resolve("alerts.yaml"), FILE);
    Path data = home.resolve("data-folder");
    Cli pause = cli();
    assertThat(pause.execute("monitor", "pause", "payments-api", "--for", "30m", "--data", data.toString(),
        "--rules", rules.toString())).isZero();
    assertThat(pause.out.toString()).startsWith("monitor \"payments-api\" paused until ");
    JsonNode row = board(data).get(0);
    assertThat(row.path("state").asText()).isEqualTo("paused");
    assertThat(row.path("nextCheck").isTextual()).isTrue();

    Cli resume = cli();
    assertThat(resume.execute("monitor", "resume", "payments-api", "--data", data.toString())).isZero();
    assertThat(resume.out.toString()).isEqualTo("monitor \"payments-api\" resumed\n");
    assertThat(board(data).get(0).path("state").asText()).isEqualTo("not yet checked");
    Cli again = cli();
    again.execute("monitor", "resume", "payments-api", "--data", data.toString());
    assertThat(again.out.toString()).isEqualTo("monitor \"payments-api\" was not paused\n");
  }

  @Test
  void pausingAMonitorNotInTheRulesIsRefused() throws Exception {
    Files.writeString(rules.resolve("alerts.yaml"), FILE);
    Path data = home.resolve("data-folder");
    Cli cli = cli();
    assertThat(cli.execute("monitor", "pause", "nope", "--for", "1h", "--data", data.toString(), "--rules", rules.toString()))
        .isEqualTo(1);
    assertThat(cli.err.toString()).isEqualTo("vigil monitor pause: no monitor \"nope\" in " + rules + "\n");
    assertThat(data).doesNotExist();
    Cli bad = cli();
    assertThat(bad.execute("monitor", "pause", "payments-api", "--for", "soon", "--data", data.toString())).isEqualTo(2);
  }

  private JsonNode board(Path data) throws Exception {
    Cli cli = cli();
    assertThat(cli.execute("monitors", "--json", "--data", data.toString(), "--rules", rules.toString())).isZero();
    return Terminal.JSON.readTree(cli.out.toString());
  }
}
