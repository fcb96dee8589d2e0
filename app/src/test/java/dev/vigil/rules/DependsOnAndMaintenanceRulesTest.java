package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.policy.MaintenanceRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dependsOn:} and {@code maintenance:} as {@code vigil validate} reads them. */
class DependsOnAndMaintenanceRulesTest {
  @TempDir Path dir;

  RulesLoader.LoadResult load(String yaml) throws IOException {
    Files.writeString(dir.resolve("alerts.yaml"), yaml);
    return RulesLoader.load(dir, Map.of());
  }

  List<String> problems(String yaml) throws IOException {
    return load(yaml).problems().stream()
        .map(p -> dir.relativize(p.file()) + ":" + p.line() + ":" + p.column() + ": " + p.message()).toList();
  }

  static final String FLEET = """
      monitors:
        - id: core-db
          url: http://127.0.0.1:1/db
        - id: api
          url: http://127.0.0.1:1/api
          dependsOn: [core-db]
      heartbeats:
        - id: nightly-etl
          every: 24h
          dependsOn: [api]
      """;

  @Test
  void parentsOfMonitorsAndHeartbeatsAreRead() throws IOException {
    RulesLoader.LoadResult r = load(FLEET);
    assertThat(r.problems()).isEmpty();
    assertThat(r.rules().dependsOn()).isEqualTo(Map.of("api", List.of("core-db"), "nightly-etl", List.of("api")));
  }

  @Test
  void anUnknownIdIsRefusedWhereItIsWritten() throws IOException {
    assertThat(problems(FLEET.replace("dependsOn: [core-db]", "dependsOn: [core-bd]"))).containsExactly(
        "alerts.yaml:6:17: monitor \"api\": field \"dependsOn[0]\": no monitor or heartbeat \"core-bd\" (did you mean \"core-db\"?)");
  }

  @Test
  void aCycleIsRefusedOnceNamingItsPath() throws IOException {
    String yaml = FLEET.replace("url: http://127.0.0.1:1/db", "url: http://127.0.0.1:1/db\n    dependsOn: [nightly-etl]");
    assertThat(problems(yaml)).containsExactly(
        "alerts.yaml:4:17: monitor \"core-db\": field \"dependsOn\": a dependency cycle: core-db -> nightly-etl -> api -> core-db");
  }

  @Test
  void aSourceDependsOnMonitorsForTheAlertsItsLabelsMatch() throws IOException {
    RulesLoader.LoadResult r = load(FLEET + """
        sources:
          - id: team-am
            alertmanager: http://127.0.0.1:9093
            dependsOn: [core-db]
            dependsOnMatch: {cluster: db1}
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.rules().dependsOn()).containsEntry("alertmanager:team-am", List.of("core-db"));
    assertThat(r.rules().sources().get(0).dependsOnMatch()).isEqualTo(Map.of("cluster", "db1"));
    assertThat(problems(FLEET + """
        sources:
          - id: team-am
            alertmanager: http://127.0.0.1:9093
            dependsOn: [core-dbb]
        """)).containsExactly(
        "alerts.yaml:14:17: source \"team-am\": field \"dependsOn[0]\": no monitor or heartbeat \"core-dbb\" (did you mean \"core-db\"?)");
  }

  @Test
  void aMonitorCannotDependOnItself() throws IOException {
    assertThat(problems(FLEET.replace("dependsOn: [core-db]", "dependsOn: [api]"))).containsExactly(
        "alerts.yaml:6:17: monitor \"api\": field \"dependsOn[0]\": a monitor cannot depend on itself");
  }

  @Test
  void maintenanceWindowsAreReadWeeklyOrByCron() throws IOException {
    RulesLoader.LoadResult r = load(FLEET + """
        maintenance:
          - id: db-backup
            match: {monitor: core-db}
            weekly: "sun 02:00-04:00"
          - id: patch-night
            match: {team: payments}
            cron: "0 2 * * 0"
            for: 2h
        """);
    assertThat(r.problems()).isEmpty();
    MaintenanceRule weekly = r.rules().maintenance().get(0);
    assertThat(weekly.weekly()).isEqualTo(new MaintenanceRule.Weekly(DayOfWeek.SUNDAY, LocalTime.of(2, 0), LocalTime.of(4, 0)));
    assertThat(weekly.match()).isEqualTo(Map.of("monitor", "core-db"));
    MaintenanceRule cron = r.rules().maintenance().get(1);
    assertThat(cron.cron()).isEqualTo("0 2 * * 0");
    assertThat(cron.length()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void badMaintenanceWindowsAreRefusedWithFileLineAndField() throws IOException {
    assertThat(problems("""
        maintenance:
          - id: db-backup
            match: {monitor: core-db}
            weekly: "sunday 2-4"
          - id: patch-night
            match: {team: payments}
            cron: "0 2 * * 0"
          - id: nothing
            weekly: "sun 02:00-04:00"
        """)).containsExactly(
        "alerts.yaml:4:13: maintenance window \"db-backup\": field \"weekly\": \"sunday 2-4\" must be a day and HH:MM-HH:MM, e.g. \"sun 02:00-04:00\"",
        "alerts.yaml:5:5: maintenance window \"patch-night\": missing field \"for\" (how long each window lasts, e.g. 2h)",
        "alerts.yaml:8:5: maintenance window \"nothing\": missing field \"match\" (monitor ids and/or labels, e.g. {monitor: core-db})");
  }
}
