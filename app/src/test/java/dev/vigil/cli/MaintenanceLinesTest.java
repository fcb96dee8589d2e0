package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.rules.RulesLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code vigil silence list} shows for the maintenance windows of a rules folder. */
class MaintenanceLinesTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  @TempDir Path rules;
  @TempDir Path root;

  List<String> rows(String local) throws Exception {
    Files.writeString(rules.resolve("maintenance.yaml"), """
        maintenance:
          - id: db-backup
            match: {monitor: core-db}
            weekly: "sun 02:00-04:00"
          - id: patch-night
            match: {team: payments, severity: warning}
            cron: "0 1 * * 3"
            for: 90m
        """);
    var loaded = RulesLoader.load(rules, Map.of());
    assertThat(loaded.problems()).isEmpty();
    return MaintenanceLines.rows(loaded.rules().maintenance(), LocalDateTime.parse(local).atZone(BERLIN).toInstant(), BERLIN)
        .stream().map(r -> String.join(" | ", r)).toList();
  }

  @Test
  void aWindowInForceSaysUntilWhenAndTheOthersWhenTheyOpenNext() throws Exception {
    assertThat(rows("2026-03-29T03:15")).containsExactly(
        "MAINTENANCE | MATCH | SCHEDULE | WHEN",
        "db-backup | monitor=core-db | sun 02:00-04:00 | in force until 04:00",
        "patch-night | severity=warning,team=payments | 0 1 * * 3 for 1h30m | next Wed 2026-04-01 01:00");
    assertThat(rows("2026-03-29T04:00").get(1)).isEqualTo("db-backup | monitor=core-db | sun 02:00-04:00 | next Sun 2026-04-05 02:00");
  }

  @Test
  void silenceListShowsTheRulesWindows() throws Exception {
    Files.writeString(rules.resolve("maintenance.yaml"), """
        maintenance:
          - {id: db-backup, match: {monitor: core-db}, weekly: "sun 02:00-04:00"}
        """);
    dev.vigil.store.PolicyStore.openMigrated(java.nio.file.Files.createDirectories(root.resolve("d"))).close(); // Vigil's data
    Cli cli = new Cli(Cli.linuxUnder(root));
    assertThat(cli.execute("silence", "list", "--rules", rules.toString(), "--data", root.resolve("d").toString())).isZero();
    assertThat(cli.out.toString()).startsWith("MAINTENANCE  MATCH            SCHEDULE         WHEN").contains("db-backup    monitor=core-db  sun 02:00-04:00  ")
        .endsWith("No silences" + System.lineSeparator());
  }
}
