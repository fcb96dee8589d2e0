package dev.vigil.cli;

import dev.vigil.os.DataDirs;
import dev.vigil.os.DataFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}, shared by every command, and the checks a command makes of the folder before using it. */
final class DataDirOption {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data folder (default: $XDG_DATA_HOME/vigil, i.e. ~/.local/share/vigil on Linux).")
  Path dir;

  Path resolve() {
    return resolve(DataDirs.current());
  }

  Path resolve(DataDirs dirs) {
    return dir == null ? dirs.data() : dirs.expandHome(dir);
  }

  /** For a command that only reads (or acts on what is there): the folder must hold Vigil's data; nothing is created. */
  Path existing() {
    Path folder = resolve();
    return requireData(folder, dir == null ? "vigil run" : "vigil run --data " + folder);
  }

  /** For a command that may create the folder: refused when {@code --data} names a file. */
  Path writable() {
    return requireFolder(resolve());
  }

  /** Logs go next to an explicit data folder, else where the OS keeps logs. */
  Path logs(DataDirs dirs) {
    return dir == null ? dirs.logs() : resolve(dirs).resolve("logs");
  }

  /** {@code folder} when it is a folder or nothing yet; refused (exit 2) when it names a file. */
  static Path requireFolder(Path folder) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) throw Refused.usage("--data " + folder + " is a file, not a folder");
    return folder;
  }

  /**
   * {@code folder} when it holds Vigil's database and can be read; refused (exit 1) otherwise, creating nothing.
   * {@code run} is the command that would make the data there.
   */
  private static Path requireData(Path folder, String run) {
    requireFolder(folder);
    if (Files.isDirectory(folder) && !(Files.isReadable(folder) && Files.isExecutable(folder))) {
      throw Refused.problem("cannot read " + folder + ": permission denied");
    }
    Path database = folder.resolve(DataFolder.DATABASE);
    if (!Files.isRegularFile(database)) {
      throw Refused.problem("no Vigil data in " + folder + " (start `" + run + "` first)");
    }
    if (!Files.isReadable(database)) throw Refused.problem("cannot read " + database + ": permission denied");
    return folder;
  }
}
