package dev.vigil.rules;

import dev.vigil.alert.Severity;
import dev.vigil.config.YamlNode;
import dev.vigil.policy.Level;
import dev.vigil.policy.Policy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code behaviour: {day: {critical: chime, ...}, night: {critical: wake, ...}}}: what each severity does, by day and at night. */
final class BehaviourSection implements PolicySection {
  @Override
  public List<String> keys() {
    return List.of("behaviour", "behavior");
  }

  @Override
  public Policy read(Fields file, Policy policy) {
    boolean british = file.map.fields.containsKey("behaviour");
    if (british && file.map.fields.containsKey("behavior")) {
      file.problem("behavior", "use either \"behaviour\" or \"behavior\", not both");
      return policy;
    }
    String key = british || !file.map.fields.containsKey("behavior") ? "behaviour" : "behavior";
    Fields section = file.section(key, Set.of("day", "night"));
    if (section == null) return policy;
    return policy.withBehaviour(levels(section, "day", policy.day()), levels(section, "night", policy.night()));
  }

  private static Map<Severity, Level> levels(Fields section, String when, Map<Severity, Level> defaults) {
    Map<Severity, Level> out = new EnumMap<>(defaults);
    Fields levels = section.section(when, Set.of("critical", "warning", "info"));
    if (levels == null) return out;
    for (Map.Entry<String, YamlNode> e : levels.map.fields.entrySet()) {
      Optional<Severity> severity = Severity.parse(e.getKey());
      if (severity.isEmpty()) continue; // reported as an unknown field
      String text = levels.text(e.getKey(), false);
      if (text == null) continue;
      Optional<Level> level = Level.parse(text);
      if (level.isEmpty()) {
        levels.problem(e.getKey(), "\"" + text + "\" is not a behaviour (use wake, chime, notify, tray, digest)");
      } else {
        out.put(severity.get(), level.get());
      }
    }
    return out;
  }
}
