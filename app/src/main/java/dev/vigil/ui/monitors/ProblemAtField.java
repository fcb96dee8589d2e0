package dev.vigil.ui.monitors;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the add form's fields a rules problem belongs to, from the YAML the form wrote: the key of the monitor's
 * field that holds the problem's line (a condition's line belongs to "expect", a label's to "labels"), and the
 * problem's message as said at that field, without the monitor and field it names already.
 */
final class ProblemAtField {
  /** The form's fields, by the YAML key they write; the five kinds' keys all go to "target". */
  static final List<String> FIELDS = List.of("id", "target", "record", "server", "send", "verify", "interval", "timeout",
      "severity", "confirm", "recover", "runbook", "expect", "labels", "file");
  private static final Set<String> TARGETS = Set.copyOf(AddMonitorViewModel.KINDS);
  private static final Pattern NAMED = Pattern.compile("monitor \"[^\"]*\": (field \"([^\"]*)\": )?(.*)", Pattern.DOTALL);
  private static final Pattern CONDITION = Pattern.compile("expect\\[(\\d+)]");

  private ProblemAtField() {}

  /**
   * The form's field for a problem at {@code line} (from 1) of {@code text}: the monitor's field whose key holds
   * that line, found by going up to the first line indented no deeper than the monitor's fields; null when the line
   * is not inside a monitor's entry, or its key is not one of the form's fields.
   */
  static String field(List<String> text, int line) {
    if (line < 1 || line > text.size()) return null;
    int entry = -1;
    for (int i = line - 1; i >= 0 && entry < 0; i--) {
      if (text.get(i).stripLeading().startsWith("- id:")) entry = i;
    }
    if (entry < 0) return null;
    if (entry == line - 1) return "id";
    int fieldIndent = indent(text.get(entry)) + 2;
    for (int i = line - 1; i > entry; i--) {
      String l = text.get(i);
      if (l.isBlank() || l.stripLeading().startsWith("#")) continue;
      if (indent(l) <= fieldIndent) return key(l.strip());
    }
    return null;
  }

  private static String key(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0) return null;
    String key = line.substring(0, colon).strip();
    if (TARGETS.contains(key)) return "target";
    return FIELDS.contains(key) ? key : null;
  }

  private static int indent(String line) {
    return line.length() - line.stripLeading().length();
  }

  /**
   * The message as shown at the field: {@code monitor "web": field "timeout": "5 parsecs" is not a duration ...}
   * reads {@code "5 parsecs" is not a duration ...}; a condition's says which line of the conditions it is on
   * ({@code line 2: ...}); anything else is shown whole.
   */
  static String message(String message) {
    Matcher m = NAMED.matcher(message);
    if (!m.matches()) return message;
    if (m.group(2) == null) return m.group(3);
    Matcher condition = CONDITION.matcher(m.group(2));
    if (condition.matches()) return "line " + (Integer.parseInt(condition.group(1)) + 1) + ": " + m.group(3);
    return m.group(2).contains(".") ? m.group(2) + ": " + m.group(3) : m.group(3);
  }
}
