package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Severity;
import dev.vigil.os.DataDirs;
import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What commands answer when things around them are wrong: an unreachable Alertmanager, a broken policy, long lists. */
class CommandAnswersTest {
  static final String NL = System.lineSeparator();
  @TempDir Path root;

  Cli cli() {
    return new Cli(Cli.linuxUnder(root));
  }

  @Test
  void anUnreachableAlertmanagerIsReportedOnStderrAndTheLocalSilenceStays() throws Exception {
    Path rules = Files.createDirectory(root.resolve("rules"));
    Files.writeString(rules.resolve("sources.yaml"), """
        sources:
          - id: team
            alertmanager: http://127.0.0.1:9
        """);
    Path data = root.resolve("data");
    Cli add = cli();
    int exit = add.execute("silence", "add", "--match", "alertname=disk-full", "--for", "30m", "--data", data.toString(), "--rules", rules.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(add.out.toString()).startsWith("Silence #1: alertname=disk-full until ").doesNotContain("Alertmanager");
    assertThat(add.err.toString()).startsWith("vigil silence add: Alertmanager team: not silenced: ")
        .endsWith(" (local silence #1 is in force)" + NL);
    Cli list = cli();
    assertThat(list.execute("silence", "list", "--data", data.toString())).isZero();
    assertThat(list.out.toString()).contains("alertname=disk-full");
  }

  @Test
  void drillNamesABrokenPhoneChannelInsteadOfSayingNoneIsConfigured() throws Exception {
    Path rules = Files.createDirectory(root.resolve("rules"));
    Files.writeString(rules.resolve("policy.yaml"), """
        channels:
          ntfy: {topic: "${env:VIGIL_TEST_NEVER_SET}"}
        """);
    Cli drill = cli();
    int exit = drill.execute("drill", "--data", root.resolve("data").toString(), "--rules", rules.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(drill.out.toString()).contains(NL + "phone    failed     policy.yaml is broken: " + rules.resolve("policy.yaml")
        + ":2:17: policy: field \"channels.ntfy.topic\": environment variable VIGIL_TEST_NEVER_SET is not set" + NL);
  }

  @Test
  void historySaysWhenThereAreMoreIncidentsThanShown() {
    Path data = root.resolve("data");
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      Instant t = Instant.now().minus(Duration.ofHours(1));
      for (String monitor : new String[] {"a", "b", "c"}) {
        store.transaction(w -> w.fire("fp-" + monitor, monitor, Severity.WARNING, "down", Map.of(), t));
      }
    }
    Cli two = cli();
    assertThat(two.execute("history", "--limit", "2", "--data", data.toString())).isZero();
    assertThat(two.out.toString()).endsWith(NL + "(the newest 2 shown; there are more: use --limit or --since)" + NL);
    Cli all = cli();
    assertThat(all.execute("history", "--limit", "3", "--data", data.toString())).isZero();
    assertThat(all.out.toString()).doesNotContain("there are more");
  }

  @Test
  void aHealthyMonitorHasNoIncidentsWhileAnUnknownOneIsNamedAsSuch() {
    Path data = root.resolve("data");
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      store.transaction(w -> {
        w.recordCheck("payments-api", Instant.now().minus(Duration.ofMinutes(5)), true, Duration.ofMillis(20));
        return null;
      });
    }
    Cli healthy = cli();
    assertThat(healthy.execute("history", "--monitor", "payments-api", "--data", data.toString())).isZero();
    assertThat(healthy.out.toString()).isEqualTo("No incidents." + NL);
    Cli typo = cli();
    assertThat(typo.execute("history", "--monitor", "paymnets-api", "--data", data.toString())).isEqualTo(1);
    assertThat(typo.err.toString()).isEqualTo("vigil history: no monitor \"paymnets-api\" in " + data
        + ": no incident or check of it was recorded (monitor ids are as in vigil alerts --all)" + NL);
  }

  @Test
  void aTildeInDataOrRulesIsTheHomeFolderNotAFolderNamedTilde() {
    DataDirs dirs = Cli.linuxUnder(root);
    assertThat(dirs.expandHome(Path.of("~/vigil"))).isEqualTo(root.resolve("home/vigil"));
    assertThat(dirs.expandHome(Path.of("~"))).isEqualTo(root.resolve("home"));
    assertThat(dirs.expandHome(Path.of("not~/x"))).isEqualTo(Path.of("not~/x"));
  }

  @Test
  void aSnoozeEndingAnotherDayShowsItsDate() {
    Instant now = Instant.parse("2026-11-24T12:00:00Z");
    String later = Terminal.time(now.plus(Duration.ofDays(2)));
    assertThat(Terminal.clock(now.plus(Duration.ofDays(2)), now)).isEqualTo(later).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
    assertThat(Terminal.clock(now.plus(Duration.ofMinutes(1)), now)).isEqualTo(Terminal.time(now.plus(Duration.ofMinutes(1))).substring(11));
  }

  @Test
  void aFolderVigilMayNotUseIsNamedWithoutAStackTrace() {
    // Root reads every folder, so this is the answer's wording, not a chmod 000 folder.
    var denied = new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/srv/vigil/vigil.db"));
    assertThat(CommandErrors.message(new IllegalStateException("cannot open", denied)))
        .isEqualTo("cannot use /srv/vigil/vigil.db: permission denied");
    assertThat(CommandErrors.message(new IllegalStateException("a bug"))).as("a bug keeps its stack trace").isNull();
  }
}
