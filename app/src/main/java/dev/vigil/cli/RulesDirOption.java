package dev.vigil.cli;

import dev.vigil.os.DataDirs;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --rules DIR}: a rules folder given on the command line, else the user's own (created on first run). */
final class RulesDirOption {
  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description = "Rules folder (default: the user's, e.g. ~/.config/vigil/rules, created with examples on first run).")
  Path dir;

  /** True when {@code --rules} was given: first run then leaves the user's folder alone. */
  boolean explicit() {
    return dir != null;
  }

  Path resolve() {
    return resolve(DataDirs.current());
  }

  Path resolve(DataDirs dirs) {
    return dir != null ? dirs.expandHome(dir) : dirs.rules();
  }
}
