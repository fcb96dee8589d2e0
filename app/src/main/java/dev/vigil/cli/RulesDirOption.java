package dev.vigil.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --rules DIR}: the user's rules folder, else the {@code alert-rules/} folder of a checkout. */
final class RulesDirOption {
  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description = "Rules folder (default: ~/.config/vigil/rules if it exists, else ./alert-rules).")
  Path dir;

  Path resolve() {
    if (dir != null) return dir;
    Path user = DataDirs.current().rules();
    if (Files.isDirectory(user)) return user;
    return Path.of("alert-rules");
  }
}
