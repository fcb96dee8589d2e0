package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.policy.Policy;
import dev.vigil.policy.PolicyParser;
import dev.vigil.rules.PolicySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import picocli.CommandLine.Model.CommandSpec;

/** The policy for commands that only need policy.yaml (time zone, overnight window, channels). */
final class PolicyFiles {
  private PolicyFiles() {}

  /** policy.yaml (or policy.yml) of the rules folder, defaults when absent or unreadable. */
  static Policy load(Path rulesDir) {
    for (String name : new String[] {"policy.yaml", "policy.yml"}) {
      Path file = rulesDir.resolve(name);
      if (!Files.isRegularFile(file)) continue;
      try {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        ZoneId zone = ZoneId.systemDefault();
        if (doc != null && doc.hasNonNull("timezone")) {
          try {
            zone = ZoneId.of(doc.get("timezone").asText());
          } catch (RuntimeException e) {
            // reported by vigil validate
          }
        }
        return PolicyParser.parse(new PolicySpec(zone, "22:00-08:00", doc, file)).policy();
      } catch (Exception e) {
        return Policy.defaults(ZoneId.systemDefault());
      }
    }
    return Policy.defaults(ZoneId.systemDefault());
  }

  static int fail(CommandSpec spec, String message) {
    spec.commandLine().getErr().println("vigil: " + message);
    spec.commandLine().getErr().flush();
    return 2;
  }
}
