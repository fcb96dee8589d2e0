package dev.vigil.cli;

import dev.vigil.policy.Policy;
import dev.vigil.rules.RulesLoader;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** The policy for commands that only need policy.yaml (time zone, overnight window, channels). */
final class PolicyFiles {
  private PolicyFiles() {}

  /** policy.yaml of the rules folder as the loader reads it; defaults when absent. Problems are for `validate`. */
  static Policy load(Path rulesDir) {
    return RulesLoader.load(rulesDir, System.getenv()).rules().policy();
  }

  static int fail(CommandSpec spec, String message) {
    spec.commandLine().getErr().println("vigil: " + message);
    spec.commandLine().getErr().flush();
    return 2;
  }
}
