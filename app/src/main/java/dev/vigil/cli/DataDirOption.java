package dev.vigil.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}, shared by every command. */
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
    return DataFolder.requireData(folder, dir == null ? "vigil run" : "vigil run --data " + folder);
  }

  /** For a command that may create the folder: refused when {@code --data} names a file. */
  Path writable() {
    return DataFolder.requireFolder(resolve());
  }

  /** Logs go next to an explicit data folder, else where the OS keeps logs. */
  Path logs(DataDirs dirs) {
    return dir == null ? dirs.logs() : resolve(dirs).resolve("logs");
  }
}
