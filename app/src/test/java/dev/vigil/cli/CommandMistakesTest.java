package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.store.SqliteStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The mistakes a person makes with every command, and the exact answer each gets: the message, on which stream, and
 * the exit code (1 a problem found or refused, 2 a usage mistake); never a stack trace, and nothing created in a
 * folder that was only asked about. Placeholders in the arguments and messages: DATA (a data folder with a
 * database), EMPTY (a folder without Vigil data), MISSING (no such path), FILE (a file), RULES (one monitor),
 * NORULES (an empty rules folder), BADRULES (a monitor checked every 99999999999999d), BUSY (a port in use).
 */
class CommandMistakesTest {
  static final String NL = System.lineSeparator();
  static final String HINT = "(use 500ms, 30s, 5m, 1h, 1d)";
  static final String NO_DATA = "no Vigil data in EMPTY (start `vigil run --data EMPTY` first)";

  @TempDir Path root;
  final Map<String, String> places = new java.util.LinkedHashMap<>();
  ServerSocket busy;

  enum Stream2 { STDOUT, STDERR }

  record Mistake(String intent, String args, int exit, Stream2 stream, String message) {
    @Override
    public String toString() {
      return intent + ": vigil " + args;
    }
  }

  static Mistake err(String intent, String args, int exit, String message) {
    return new Mistake(intent, args, exit, Stream2.STDERR, message);
  }

  static Stream<Mistake> mistakes() {
    return Stream.of(
        // Read-only commands on a folder without Vigil data: refused, nothing created, with or without --json.
        err("alerts on a folder without data", "alerts --data EMPTY", 1, "vigil alerts: " + NO_DATA),
        err("alerts --json on a folder without data", "alerts --json --data EMPTY", 1, "vigil alerts: " + NO_DATA),
        err("alerts --all on a folder without data", "alerts --all --data EMPTY", 1, "vigil alerts: " + NO_DATA),
        err("history on a folder without data", "history --data EMPTY", 1, "vigil history: " + NO_DATA),
        err("history --json on a folder without data", "history --json --data EMPTY", 1, "vigil history: " + NO_DATA),
        err("notifications on a folder without data", "notifications --data EMPTY", 1, "vigil notifications: " + NO_DATA),
        err("notifications --json on a folder without data", "notifications --json --data EMPTY", 1, "vigil notifications: " + NO_DATA),
        err("quiet status on a folder without data", "quiet status --data EMPTY --rules RULES", 1, "vigil quiet status: " + NO_DATA),
        err("quiet off on a folder without data", "quiet off --data EMPTY", 1, "vigil quiet off: " + NO_DATA),
        err("silence list on a folder without data", "silence list --data EMPTY", 1, "vigil silence list: " + NO_DATA),
        err("silence remove on a folder without data", "silence remove 1 --data EMPTY", 1, "vigil silence remove: " + NO_DATA),
        err("ack on a folder without data", "ack 1 --data EMPTY", 1, "vigil ack: " + NO_DATA),
        err("snooze on a folder without data", "snooze 1 --for 1h --data EMPTY", 1, "vigil snooze: " + NO_DATA),
        err("resolve on a folder without data", "resolve 1 --data EMPTY", 1, "vigil resolve: " + NO_DATA),
        err("alerts on a folder that does not exist", "alerts --data MISSING", 1,
            "vigil alerts: no Vigil data in MISSING (start `vigil run --data MISSING` first)"),

        // --data naming a file.
        err("alerts with --data naming a file", "alerts --data FILE", 2, "vigil alerts: --data FILE is a file, not a folder"),
        err("history --json with --data naming a file", "history --json --data FILE", 2, "vigil history: --data FILE is a file, not a folder"),
        err("quiet on with --data naming a file", "quiet on --data FILE --rules RULES", 2, "vigil quiet on: --data FILE is a file, not a folder"),
        err("silence add with --data naming a file", "silence add --match monitor=api --for 1h --data FILE --rules RULES", 2,
            "vigil silence add: --data FILE is a file, not a folder"),
        err("run with --data naming a file", "run --headless --data FILE --rules RULES", 2, "vigil run: --data FILE is a file, not a folder"),

        // Counts and ports out of range.
        err("alerts --all --limit 0", "alerts --all --limit 0 --data DATA", 2, "vigil alerts: --limit must be from 1 to 10000, not 0"),
        err("history --limit 0", "history --limit 0 --data DATA", 2, "vigil history: --limit must be from 1 to 10000, not 0"),
        err("history --limit too large", "history --limit 10001 --data DATA", 2, "vigil history: --limit must be from 1 to 10000, not 10001"),
        err("notifications --limit 0", "notifications --limit 0 --data DATA", 2, "vigil notifications: --limit must be from 1 to 100000, not 0"),
        err("history --limit not a number", "history --limit x --data DATA", 2,
            "vigil history: Invalid value for option '--limit': 'x' is not an int" + NL + "Try 'vigil history --help' for more information."),
        err("run --api-port beyond 65535", "run --headless --api-port 70000 --data DATA --rules RULES", 2,
            "vigil run: --api-port must be from 0 to 65535, not 70000"),
        err("run --api-port negative", "run --headless --api-port -1 --data DATA --rules RULES", 2,
            "vigil run: --api-port must be from 0 to 65535, not -1"),
        err("run on a port in use", "run --headless --api-port BUSY --data DATA --rules RULES", 1,
            "vigil run: cannot listen on 127.0.0.1:BUSY: the port is in use (by another Vigil or program; choose another with --api-port)"),
        err("demo --speed 0", "demo --headless --speed 0", 2, "vigil demo: --speed must be more than 0 and at most 10, not 0.0"),
        err("bench --endpoints 0", "bench --endpoints 0", 2, "vigil bench: --endpoints must be from 1 to 100000, not 0"),
        err("bench --interval 0s", "bench --interval 0s", 2, "vigil bench: --interval: \"0s\" must be longer than 0s"),
        err("bench --duration overflowing", "bench --duration 99999999999999d", 2,
            "vigil bench: --duration: \"99999999999999d\" is too long (at most 365d)"),

        // Durations: out of range, zero, without a unit, unknown unit, negative.
        err("snooze --for an overflowing duration", "snooze 1 --for 99999999999999d --data DATA", 2,
            "vigil snooze: --for: \"99999999999999d\" is too long (at most 365d)"),
        err("snooze --for more than a year", "snooze 1 --for 366d --data DATA", 2, "vigil snooze: --for: \"366d\" is too long (at most 365d)"),
        err("snooze --for 0s", "snooze 1 --for 0s --data DATA", 2, "vigil snooze: --for: \"0s\" must be longer than 0s"),
        err("snooze --for without a unit", "snooze 1 --for 10 --data DATA", 2, "vigil snooze: --for: \"10\" has no unit " + HINT),
        err("snooze --for with an unknown unit", "snooze 1 --for 10x --data DATA", 2,
            "vigil snooze: --for: \"10x\" has an unknown unit \"x\" " + HINT),
        err("snooze --for negative", "snooze 1 --for=-5m --data DATA", 2, "vigil snooze: --for: \"-5m\" is negative"),
        err("quiet on --for an overflowing duration", "quiet on --for 99999999999999d --data DATA --rules RULES", 2,
            "vigil quiet on: --for: \"99999999999999d\" is too long (at most 365d)"),
        err("quiet on with both --for and --until-morning", "quiet on --for 1h --until-morning --data DATA --rules RULES", 2,
            "vigil quiet on: --for and --until-morning cannot be used together (pick one)"),
        err("silence add --for an overflowing duration", "silence add --match monitor=api --for 99999999999999d --data DATA --rules RULES", 2,
            "vigil silence add: --for: \"99999999999999d\" is too long (at most 365d)"),

        // Times.
        err("history --since a typo", "history --since yesterdayy --data DATA", 2,
            "vigil history: --since: \"yesterdayy\" is not a time (use 24h, 7d, today, yesterday, 2026-11-24 or 2026-11-24T22:00)"),
        err("notifications --since too long ago", "notifications --since 400d --data DATA", 2,
            "vigil notifications: --since: \"400d\" is too long (at most 365d)"),
        err("history --since beyond year 9999", "history --since +99999-01-01 --data DATA", 2,
            "vigil history: --since: \"+99999-01-01\" is out of range (1970-01-01 to 9999-12-31)"),

        // Ids.
        err("ack without an id", "ack --data DATA", 2, "vigil ack: Missing required parameter: 'ID'" + NL + "Try 'vigil ack --help' for more information."),
        err("ack with a word for an id", "ack abc --data DATA", 2,
            "vigil ack: Invalid value for positional parameter at index 0 (ID): 'abc' is not a long" + NL
                + "Try 'vigil ack --help' for more information."),
        err("ack of an alert that does not exist", "ack 999 --data DATA", 1, "vigil ack: no alert #999 in DATA"),
        err("silence remove of a silence that does not exist", "silence remove 99 --data DATA", 1, "vigil silence remove: no silence #99"),
        err("history of a monitor that has no incidents", "history --monitor nosuch --data DATA", 1,
            "vigil history: no monitor \"nosuch\" in DATA: no incident or check of it was recorded (monitor ids are as in vigil alerts --all)"),

        // Typos.
        err("quiet needs what to do", "quiet", 2, "vigil quiet: Missing subcommand: on, off or status" + NL
            + "Try 'vigil quiet --help' for more information."),
        err("silence needs what to do", "silence", 2, "vigil silence: Missing subcommand: add, list or remove" + NL
            + "Try 'vigil silence --help' for more information."),
        err("a command typed wrong", "alrts", 2, "vigil: Unmatched argument at index 0: 'alrts'" + NL
            + "Did you mean: vigil alerts or vigil report or vigil validate?" + NL + "Try 'vigil --help' for more information."),
        err("an option typed wrong", "snooze 1 --fore 1h --data DATA", 2, "vigil snooze: Unknown options: '--fore', '1h'" + NL
            + "Possible solutions: --for" + NL + "Try 'vigil snooze --help' for more information."),
        err("a subcommand typed wrong", "silence ad", 2, "vigil silence: Unmatched argument at index 1: 'ad'" + NL
            + "Did you mean: silence add?" + NL + "Try 'vigil silence --help' for more information."),
        err("autostart with a wrong action", "autostart bogus", 2,
            "vigil autostart: Invalid value for positional parameter at index 0 (on|off|status): expected one of [ON, OFF, STATUS]"
                + " (case-insensitive) but was 'bogus'" + NL + "Try 'vigil autostart --help' for more information."),
        err("silence add without --match", "silence add --for 1h --data DATA", 2,
            "vigil silence add: Missing required option: '--match=KEY=VALUE'" + NL + "Try 'vigil silence add --help' for more information."),
        err("silence add with a match without a value", "silence add --match monitor --for 1h --data DATA --rules RULES", 2,
            "vigil silence add: --match: \"monitor\" is not KEY=VALUE"),
        err("silence add with an unknown severity", "silence add --match severity=crit --for 1h --data DATA --rules RULES", 2,
            "vigil silence add: --match: severity \"crit\" must be critical, warning or info"),

        // Rules folders.
        err("validate on a folder that does not exist", "validate --rules MISSING", 1,
            "vigil validate: rules folder MISSING does not exist (use --rules DIR)"),
        err("validate on an empty folder", "validate --rules NORULES", 1,
            "vigil validate: NORULES has nothing to watch: no monitors, heartbeats or sources in its *.yaml files"),
        err("run on an empty rules folder", "run --headless --rules NORULES --data DATA", 1,
            "vigil run: NORULES has nothing to watch: no monitors, heartbeats or sources in its *.yaml files; nothing started"),
        err("validate on an interval that would overflow", "validate --rules BADRULES", 1,
            "BADRULES/policy.yaml:1:12: policy: field \"behaviour\": expected a map of fields, not \"42\"" + NL
                + "BADRULES/vigil.yaml:4:15: monitor \"api\": field \"interval\": \"99999999999999d\" is too long (at most 365d)" + NL
                + "BADRULES/vigil.yaml:7:12: heartbeat \"backup\": field \"every\": \"99999999999999d\" is too long (at most 365d)"));
  }

  @BeforeEach
  void folders() throws Exception {
    Path data = root.resolve("data");
    SqliteStore.open(data, Clock.systemUTC()).close();
    places.put("NORULES", Files.createDirectory(root.resolve("norules")).toString());
    places.put("BADRULES", Files.createDirectory(root.resolve("badrules")).toString());
    places.put("RULES", Files.createDirectory(root.resolve("rules")).toString());
    places.put("MISSING", root.resolve("missing").toString());
    places.put("EMPTY", Files.createDirectory(root.resolve("empty")).toString());
    places.put("FILE", Files.writeString(root.resolve("file"), "not a folder").toString());
    places.put("DATA", data.toString());
    Files.writeString(root.resolve("rules/vigil.yaml"), """
        monitors:
          - id: api
            url: http://127.0.0.1:9/health
        """);
    Files.writeString(root.resolve("badrules/vigil.yaml"), """
        monitors:
          - id: api
            url: http://127.0.0.1:9/health
            interval: 99999999999999d
        heartbeats:
          - id: backup
            every: 99999999999999d
        """);
    Files.writeString(root.resolve("badrules/policy.yaml"), "behaviour: 42\n");
    busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    places.put("BUSY", String.valueOf(busy.getLocalPort()));
  }

  @AfterEach
  void close() throws Exception {
    busy.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void eachMistakeGetsItsExactAnswer(Mistake m) throws Exception {
    Cli cli = new Cli(Cli.linuxUnder(root));
    List<String> args = new ArrayList<>();
    for (String a : m.args().split(" ")) args.add(place(a));

    int exit = cli.execute(args.toArray(String[]::new));

    String expected = place(m.message()) + NL;
    String other = m.stream() == Stream2.STDERR ? cli.out.toString() : cli.err.toString();
    assertThat(m.stream() == Stream2.STDERR ? cli.err.toString() : cli.out.toString()).isEqualTo(expected);
    assertThat(other).as("the other stream").isEmpty();
    assertThat(exit).isEqualTo(m.exit());
    assertThat(Path.of(places.get("EMPTY"))).as("nothing created in a folder only asked about").isEmptyDirectory();
    assertThat(Path.of(places.get("MISSING"))).doesNotExist();
  }

  private String place(String text) {
    String out = text;
    for (var e : places.entrySet()) out = out.replace(e.getKey(), e.getValue());
    return out;
  }

  /** Every command and subcommand, as its words after {@code vigil}: {@code [alerts]}, {@code [quiet, on]}... */
  static Stream<List<String>> commands() {
    List<List<String>> all = new ArrayList<>();
    collect(VigilCommand.commandLine(), new ArrayList<>(), all);
    return all.stream();
  }

  private static void collect(CommandLine cli, List<String> path, List<List<String>> all) {
    cli.getSubcommands().forEach((name, sub) -> {
      if (name.equals("help")) return;
      List<String> words = new ArrayList<>(path);
      words.add(name);
      all.add(words);
      collect(sub, words, all);
    });
  }

  @ParameterizedTest(name = "vigil {0} --help and -h")
  @MethodSource("commands")
  void everyCommandAcceptsHelpAndPrintsItsUsageOnStdout(List<String> command) {
    for (String help : List.of("--help", "-h")) {
      Cli cli = new Cli(Cli.linuxUnder(root));
      List<String> args = new ArrayList<>(command);
      args.add(help);
      int exit = cli.execute(args.toArray(String[]::new));
      assertThat(cli.out.toString()).startsWith("Usage: vigil " + String.join(" ", command) + " ");
      assertThat(cli.err.toString()).isEmpty();
      assertThat(exit).isZero();
    }
  }
}
