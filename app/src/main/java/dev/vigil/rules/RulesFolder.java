package dev.vigil.rules;

import java.nio.file.Files;
import java.nio.file.Path;

/** What {@code run} and {@code validate} both refuse, so {@code validate} never passes a folder that {@code run} refuses. */
public final class RulesFolder {
  private RulesFolder() {}

  /** Why the folder cannot be read as rules at all (missing, or a file), or null. */
  public static String unusable(Path rulesDir) {
    if (!Files.isDirectory(rulesDir)) return "rules folder " + rulesDir + " does not exist (use --rules DIR)";
    return null;
  }

  /** Why loaded rules without problems still cannot be watched, or null. */
  public static String nothingToWatch(RuleSet rules) {
    if (rules.monitors().isEmpty() && rules.heartbeats().isEmpty() && rules.sources().isEmpty()) {
      return rules.dir() + " has nothing to watch: no monitors, heartbeats or sources in its *.yaml files";
    }
    return null;
  }
}
