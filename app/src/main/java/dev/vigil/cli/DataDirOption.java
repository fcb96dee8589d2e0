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
    return dir == null ? dirs.data() : dir;
  }

  /** Logs go next to an explicit data folder, else where the OS keeps logs. */
  Path logs(DataDirs dirs) {
    return dir == null ? dirs.logs() : dir.resolve("logs");
  }
}
