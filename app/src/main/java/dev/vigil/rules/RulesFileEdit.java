package dev.vigil.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds a monitor to the text of a rules file by inserting lines, so every other byte stays as written: the new
 * entry goes after the last monitor (before comments and keys that follow the list), indented like the others.
 */
final class RulesFileEdit {
  private static final Pattern MONITORS = Pattern.compile("monitors\\s*:\\s*(\\[\\s*]|\\{\\s*}|~|null)?\\s*(#.*)?");
  private static final Pattern ITEM = Pattern.compile("(\\s*)- .*|(\\s*)-$");

  private RulesFileEdit() {}

  /** {@code text} with the monitor ({@code block}: its lines, unindented, the first starting with "- ") added. */
  static String addMonitor(String text, List<String> block) {
    String newline = text.contains("\r\n") ? "\r\n" : "\n";
    List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    boolean endsWithNewline = text.isEmpty() || text.endsWith("\n");
    if (endsWithNewline) lines.remove(lines.size() - 1);
    int key = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("monitors") && lines.get(i).matches("monitors\\s*:.*")) {
        key = i;
        break;
      }
    }
    if (key < 0) {
      StringBuilder out = new StringBuilder(text);
      if (!endsWithNewline) out.append(newline);
      if (!text.isBlank()) out.append(newline);
      out.append("monitors:").append(newline);
      for (String l : block) out.append("  ").append(l).append(newline);
      return out.toString();
    }
    Matcher header = MONITORS.matcher(lines.get(key));
    if (!header.matches()) {
      throw new IllegalArgumentException("line " + (key + 1) + ": \"monitors:\" is written inline; add the monitor by hand");
    }
    String indent = "  ";
    int last = key;
    for (int i = key + 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.equals("---") || l.equals("...")) break;
      boolean topLevel = !l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && l.charAt(0) != '#' && l.charAt(0) != '-';
      if (topLevel) break;
      if (l.isBlank() || l.stripLeading().startsWith("#")) continue;
      if (last == key) {
        Matcher item = ITEM.matcher(l);
        if (item.matches()) indent = item.group(1) != null ? item.group(1) : item.group(2);
      }
      last = i;
    }
    List<String> edited = new ArrayList<>(lines);
    if (header.group(1) != null) {
      // "monitors: []" loses its "[]", and nothing else, to take the new entry under it
      String line = lines.get(key);
      String without = line.substring(0, header.start(1)) + line.substring(header.end(1));
      edited.set(key, header.group(2) == null ? without.stripTrailing() : without);
    }
    List<String> indented = new ArrayList<>();
    for (String l : block) indented.add(indent + l);
    edited.addAll(last + 1, indented);
    String joined = String.join(newline, edited);
    return endsWithNewline ? joined + newline : joined + newline;
  }
}
