package dev.vigil.cli;

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
      AlertsCommand.class,
      AckCommand.class,
      SnoozeCommand.class,
      ResolveCommand.class,
      HistoryCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class VigilCommand implements Runnable {
  /** Returned by {@code run}: the process stays up until it is told to stop. */
  public static final int KEEP_RUNNING = Integer.MIN_VALUE;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new VigilCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }
}
