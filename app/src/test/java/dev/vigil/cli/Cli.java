package dev.vigil.cli;

import dev.vigil.os.DataDirs;
import dev.vigil.os.LinuxUser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs commands in this process with given OS folders, capturing what they print. */
final class Cli {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final CommandLine commandLine;

  /** {@code instances}: command objects to use instead of new ones (to reach their hooks). */
  Cli(DataDirs dirs, Object... instances) {
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        for (Object o : instances) if (type.isInstance(o)) return type.cast(o);
        return CommandLine.defaultFactory().create(type);
      }
    };
    commandLine = VigilCommand.commandLine(new VigilCommand(dirs), factory);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
  }

  int execute(String... args) {
    return commandLine.execute(args);
  }

  /** A Linux user whose XDG folders all live under {@code root}. */
  static DataDirs linuxUnder(Path root) {
    return LinuxUser.under(root);
  }
}
