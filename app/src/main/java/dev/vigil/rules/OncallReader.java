package dev.vigil.rules;

import dev.vigil.config.RuleProblem;
import dev.vigil.config.YamlNode;
import dev.vigil.config.Durations;
import dev.vigil.alert.Severity;
import dev.vigil.policy.OncallSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code oncall:} of policy.yaml: {@code calendar} (+ {@code match}, {@code refresh}) or {@code rotation: {start,
 * shift, every}}, and {@code offShift}. A calendar file is read relative to the rules folder.
 */
final class OncallReader {
  private static final Set<String> FIELDS = Set.of("calendar", "match", "refresh", "rotation", "offShift");
  private static final Set<String> ROTATION = Set.of("start", "shift", "every");
  private static final Set<String> LEVELS = Set.of("wake", "chime", "notify", "tray", "digest");

  private OncallReader() {}

  /** The spec, or null when absent or wrong (each problem added). */
  static OncallSpec read(YamlNode node, Path rulesDir, Map<String, String> env, List<RuleProblem> problems) {
    if (node == null || node.isNull()) return null;
    if (!node.isMap()) {
      problems.add(RuleProblem.at(node.where, "policy: field \"oncall\": expected calendar: or rotation:, not " + node.describe()));
      return null;
    }
    Fields f = new Fields(node, "policy: oncall", FIELDS, env, problems);
    String calendar = null;
    OncallSpec.Rotation rotation = null;
    if (f.has("calendar") && f.has("rotation")) {
      f.problem(f.where("rotation"), "use either \"calendar\" or \"rotation\", not both");
    } else if (f.has("calendar")) {
      calendar = calendar(f, rulesDir);
    } else if (f.has("rotation")) {
      rotation = rotation(node.fields.get("rotation"), env, problems);
    } else {
      f.problem(node.where, "missing field \"calendar\" (an iCalendar URL or file) or \"rotation\"");
    }
    String match = f.text("match", false);
    if (match != null && rotation != null) f.problem("match", "goes with \"calendar\" (text in a shift's SUMMARY or ATTENDEE)");
    Duration refresh = f.duration("refresh", Duration.ofHours(1), Duration.ofMinutes(1));
    Map<Severity, String> offShift = offShift(f);
    if (f.failed()) return null;
    return new OncallSpec(calendar, match, refresh, rotation, offShift, node.where);
  }

  private static String calendar(Fields f, Path rulesDir) {
    String text = f.text("calendar", true);
    if (text == null) return null;
    if (text.startsWith("http://") || text.startsWith("https://")) return f.url("calendar", true);
    Path file = rulesDir.resolve(text);
    if (!Files.isRegularFile(file)) {
      f.problem("calendar", "no file " + file + " (give an http(s) URL or an .ics file)");
      return null;
    }
    return file.toString();
  }

  private static OncallSpec.Rotation rotation(YamlNode node, Map<String, String> env, List<RuleProblem> problems) {
    if (!node.isMap()) {
      problems.add(RuleProblem.at(node.where, "policy: oncall: field \"rotation\": expected {start, shift, every}, not " + node.describe()));
      return null;
    }
    Fields r = new Fields(node, "policy: oncall.rotation", ROTATION, env, problems);
    String startText = r.text("start", true);
    LocalDateTime start = null;
    if (startText != null) {
      try {
        start = LocalDateTime.parse(startText);
      } catch (DateTimeParseException e) {
        r.problem("start", "\"" + startText + "\" is not a local date and time like 2026-12-07T09:00");
      }
    }
    if (!r.has("shift")) r.problem(node.where, "missing field \"shift\" (how long one shift lasts, e.g. 7d)");
    if (!r.has("every")) r.problem(node.where, "missing field \"every\" (how often a shift starts, e.g. 21d)");
    Duration shift = r.duration("shift", null, Duration.ofMinutes(1));
    Duration every = r.duration("every", null, Duration.ofMinutes(1));
    if (shift != null && every != null && shift.compareTo(every) > 0) {
      r.problem("shift", Durations.format(shift) + " is longer than \"every\" (" + Durations.format(every) + ")");
    }
    if (r.failed()) return null;
    return new OncallSpec.Rotation(start, shift, every);
  }

  private static Map<Severity, String> offShift(Fields f) {
    Map<Severity, String> out = new EnumMap<>(Severity.class);
    f.textMap("offShift", false).forEach((severity, level) -> {
      var s = Severity.parse(severity);
      if (s.isEmpty()) {
        f.problem(f.map.fields.get("offShift").fields.get(severity).where,
            "field \"offShift." + severity + "\": not a severity (use critical, warning, info)");
      } else if (!LEVELS.contains(level)) {
        f.problem(f.map.fields.get("offShift").fields.get(severity).where,
            "field \"offShift." + severity + "\": \"" + level + "\" is not a behaviour (use wake, chime, notify, tray, digest)");
      } else {
        out.put(s.get(), level);
      }
    });
    return out;
  }
}
