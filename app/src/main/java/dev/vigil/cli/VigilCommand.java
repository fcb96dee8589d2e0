package dev.vigil.cli;

import dev.vigil.os.DataDirs;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command line. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    version = "vigil 0.1.0",
    description = "An on-call engineer's night watch: checks endpoints, keeps alerts, wakes you when it matters.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      StatusCommand.class,
      CheckCommand.class,
      MonitorsCommand.class,
      MonitorCommand.class,
      AlertsCommand.class,
      AckCommand.class,
      SnoozeCommand.class,
      ResolveCommand.class,
      HistoryCommand.class,
      QuietCommand.class,
      SilenceCommand.class,
      OncallCommand.class,
      NotificationsCommand.class,
      ReportCommand.class,
      DrillCommand.class,
      DemoCommand.class,
      AutostartCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class VigilCommand implements Runnable {
  /** Returned by {@code run}: the process stays up until it is told to stop. */
  public static final int KEEP_RUNNING = Integer.MIN_VALUE;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  private final DataDirs dirs;

  public VigilCommand() {
    this(DataDirs.current());
  }

  /** With the OS folders given, for tests: a temp XDG_CONFIG_HOME and the like. */
  VigilCommand(DataDirs dirs) {
    this.dirs = dirs;
  }

  /** Where this user's data, rules and logs live. */
  DataDirs dirs() {
    return dirs;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static int execute(String... args) {
    if (args.length > 0 && args[0].equals("validate")) return validate(Arrays.copyOfRange(args, 1, args.length));
    return commandLine().execute(args);
  }

  /**
   * {@code vigil validate} starts lean (it must refuse hostile rules within 1 s, JVM start included): only its own
   * command is built, not the other commands, whose loggers would configure logback and which load what they
   * use. Same options, output and exit codes as through the whole command line.
   */
  static int validate(String... args) {
    CommandLine cli = new CommandLine(new ValidateCommand());
    cli.setCommandName("vigil validate");
    return CommandErrors.install(cli).execute(args);
  }

  public static CommandLine commandLine() {
    return commandLine(new VigilCommand(), CommandLine.defaultFactory());
  }

  static CommandLine commandLine(VigilCommand root, CommandLine.IFactory factory) {
    CommandLine cli = new CommandLine(root, factory);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return CommandErrors.install(cli);
  }
}
