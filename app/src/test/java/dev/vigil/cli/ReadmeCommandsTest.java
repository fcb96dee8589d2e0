package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** README's command table and the commands' {@code --help} name the same commands and the same options. */
class ReadmeCommandsTest {
  private static final Pattern ROW = Pattern.compile("^\\| `vigil ([a-z]+)([^|]*(?:\\\\\\|[^|]*)*)` \\|", Pattern.MULTILINE);
  private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");
  /** Said once above the table instead of in every row. */
  private static final Set<String> COMMON = Set.of("--data", "--help");

  @Test
  void readmeTableAndHelpAgreeOnEveryCommandAndOption() throws Exception {
    assertThat(readme()).isEqualTo(help());
  }

  @Test
  void everyCommandButBenchAndCheckTakesData() {
    Set<String> without = new TreeSet<>();
    VigilCommand.commandLine().getSubcommands().forEach((name, sub) -> {
      if (!name.equals("help") && !options(sub).contains("--data")) without.add(name);
    });
    assertThat(without).containsExactly("bench", "check");
    assertThat(readmeText().contains("All but `vigil bench` and `vigil check` take `--data DIR`")).as("README says which commands take --data").isTrue();
  }

  /** Each command of the table with the options its row names. */
  private static Map<String, Set<String>> readme() throws Exception {
    Map<String, Set<String>> out = new TreeMap<>();
    Matcher row = ROW.matcher(readmeText());
    while (row.find()) {
      Set<String> options = out.computeIfAbsent(row.group(1), k -> new TreeSet<>());
      Matcher o = OPTION.matcher(row.group(2));
      while (o.find()) options.add(o.group());
    }
    return out;
  }

  /** Each command with the long options it and its subcommands take, as --help shows them. */
  private static Map<String, Set<String>> help() {
    Map<String, Set<String>> out = new TreeMap<>();
    VigilCommand.commandLine().getSubcommands().forEach((name, sub) -> {
      if (name.equals("help")) return;
      Set<String> options = new TreeSet<>(options(sub));
      options.removeAll(COMMON);
      out.put(name, options);
    });
    return out;
  }

  private static Set<String> options(CommandLine cli) {
    Set<String> names = new TreeSet<>();
    for (OptionSpec o : cli.getCommandSpec().options()) names.add(o.longestName());
    cli.getSubcommands().values().forEach(sub -> names.addAll(options(sub)));
    return names;
  }

  private static String readmeText() {
    try {
      Path readme = Path.of("README.md");
      if (!Files.exists(readme)) readme = Path.of("../README.md");
      return Files.readString(readme);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
