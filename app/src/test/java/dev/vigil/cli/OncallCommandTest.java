package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OncallCommandTest {
  @TempDir Path root;
  @TempDir Path rules;

  Cli run(String... args) {
    Cli cli = new Cli(Cli.linuxUnder(root));
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--rules";
    all[args.length + 1] = rules.toString();
    all[args.length + 2] = "--data";
    all[args.length + 3] = root.resolve("data").toString();
    cli.commandLine.execute(all);
    return cli;
  }

  @Test
  void withoutOncallThePersonIsAlwaysOnCall() throws Exception {
    Cli cli = new Cli(Cli.linuxUnder(root));
    assertThat(cli.execute("oncall", "--json", "--rules", rules.toString(), "--data", root.resolve("data").toString())).isZero();
    assertThat(cli.out.toString().trim()).isEqualTo("{\"onCall\":true,\"until\":null,\"next\":null,\"source\":\"always\",\"problem\":null}");
    assertThat(root.resolve("data")).as("a command that only reads writes nothing").doesNotExist();
  }

  @Test
  void aRotationThatStartedTodaySaysUntilWhen() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Files.writeString(rules.resolve("policy.yaml"), """
        timezone: UTC
        oncall:
          rotation: {start: %sT00:00, shift: 7d, every: 21d}
        """.formatted(today));
    Cli cli = new Cli(Cli.linuxUnder(root));
    assertThat(cli.execute("oncall", "--json", "--rules", rules.toString(), "--data", root.resolve("data").toString())).isZero();
    JsonNode json = new ObjectMapper().readTree(cli.out.toString());
    assertThat(json.get("onCall").asBoolean()).isTrue();
    assertThat(json.get("until").asText()).isEqualTo(today.plusDays(7) + "T00:00:00Z");
    assertThat(json.get("next").asText()).isEqualTo(today.plusDays(21) + "T00:00:00Z");
    assertThat(json.get("source").asText()).isEqualTo("rotation");
    assertThat(json.get("problem").isNull()).isTrue();
  }

  @Test
  void aCalendarThatCannotBeReadSaysSoAndExitsOne() throws Exception {
    Files.writeString(rules.resolve("shifts.ics"), "not a calendar");
    Files.writeString(rules.resolve("policy.yaml"), "timezone: UTC\noncall:\n  calendar: shifts.ics\n");
    Cli cli = new Cli(Cli.linuxUnder(root));
    assertThat(cli.execute("oncall", "--rules", rules.toString(), "--data", root.resolve("data").toString())).isEqualTo(1);
    assertThat(cli.out.toString()).startsWith("On call (calendar)" + System.lineSeparator() + "Problem: calendar " + rules.resolve("shifts.ics")
        + ": not an iCalendar feed: ").contains("; no good copy: treated as on call");
  }
}
