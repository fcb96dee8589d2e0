package dev.vigil.cli;

import dev.vigil.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How every command answers a mistake: one line {@code vigil COMMAND: message} on stderr, exit 2 for a usage
 * mistake (with picocli's suggestions and a pointer to {@code --help}), exit 1 for a refusal or a problem with the
 * files it names; never a stack trace for a user's mistake. Also gives every command {@code -h, --help}.
 */
final class CommandErrors {
  private CommandErrors() {}

  static CommandLine install(CommandLine cli) {
    addHelp(cli);
    cli.setParameterExceptionHandler(CommandErrors::usage);
    cli.setExecutionExceptionHandler((e, failed, parsed) -> refused(e, failed));
    return cli;
  }

  private static void addHelp(CommandLine cli) {
    CommandSpec spec = cli.getCommandSpec();
    if (spec.findOption("--help") == null && !(cli.getCommand() instanceof CommandLine.HelpCommand)) {
      spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.").build());
    }
    cli.getSubcommands().values().forEach(CommandErrors::addHelp);
  }

  private static int usage(CommandLine.ParameterException first, String[] args) {
    CommandLine failed = first.getCommandLine();
    // A typo ("--fro") explains a missing option ("--for"): say the typo, with picocli's suggestion.
    CommandLine.ParameterException e = first instanceof CommandLine.UnmatchedArgumentException || failed.getUnmatchedArguments().isEmpty()
        ? first : new CommandLine.UnmatchedArgumentException(failed, failed.getUnmatchedArguments());
    PrintWriter err = failed.getErr();
    err.println(failed.getCommandSpec().qualifiedName() + ": " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return 2;
  }

  private static int refused(Exception e, CommandLine failed) throws Exception {
    String message = message(e);
    if (message == null) throw e; // a bug: the stack trace is what its reader needs
    PrintWriter err = failed.getErr();
    err.println(failed.getCommandSpec().qualifiedName() + ": " + message);
    err.flush();
    return e instanceof Refused r ? r.exitCode : 1;
  }

  /** What to tell the user about {@code e}, or null when it is not about their files or input. */
  static String message(Throwable e) {
    if (e instanceof Refused) return e.getMessage();
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof AccessDeniedException a) return "cannot use " + a.getFile() + ": permission denied";
    }
    if (e instanceof UncheckedIOException u) return u.getCause() instanceof FileSystemException f ? message(f) : u.getMessage();
    if (e instanceof FileSystemException f) return "cannot use " + f.getFile() + ": " + reason(f);
    if (e instanceof IOException || e instanceof StoreException) return e.getMessage();
    return null;
  }

  private static String reason(FileSystemException f) {
    return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName().replace("Exception", "").toLowerCase();
  }
}
