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
    return dir == null ? DataDirs.current().data() : dir;
  }
}
