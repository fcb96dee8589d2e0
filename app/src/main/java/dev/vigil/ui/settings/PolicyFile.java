package dev.vigil.ui.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites (never reads: the rules loader does) the top-level {@code timezone:}, {@code overnight:} and {@code quiet:} keys of
 * {@code policy.yaml} line by line, so every other line and every comment (including one after the value)
 * stays as the person wrote it. A key written as a block ({@code quiet:} followed by indented lines) is
 * replaced with its block. A missing key is appended; a key set to null is removed.
 */
public final class PolicyFile {
  private static final Pattern KEY_LINE = Pattern.compile("^(timezone|overnight|quiet):(.*?)(\\s+#.*)?$");

  private PolicyFile() {}

  /** {@code original} with each key in {@code values} set (null removes the key); keys not in the map are left alone. */
  public static String write(String original, Map<String, String> values) {
    String newline = original.contains("\r\n") ? "\r\n" : "\n";
    List<String> lines = new ArrayList<>(List.of(original.split("\r?\n", -1)));
    boolean endsWithNewline = original.isEmpty() || original.endsWith("\n");
    if (endsWithNewline && !lines.isEmpty()) lines.remove(lines.size() - 1);
    Map<String, String> pending = new LinkedHashMap<>(values);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = KEY_LINE.matcher(lines.get(i));
      if (!m.matches() || !pending.containsKey(m.group(1))) {
        out.add(lines.get(i));
        continue;
      }
      String key = m.group(1);
      String value = pending.remove(key);
      if (m.group(2).trim().isEmpty()) {
        while (i + 1 < lines.size() && isIndented(lines.get(i + 1))) i++;
      }
      if (value != null) out.add(key + ": " + quote(key, value) + (m.group(3) == null ? "" : m.group(3)));
    }
    pending.forEach((key, value) -> {
      if (value != null) out.add(key + ": " + quote(key, value));
    });
    return String.join(newline, out) + (out.isEmpty() ? "" : newline);
  }

  private static boolean isIndented(String line) {
    return line.startsWith(" ") || line.startsWith("\t") || line.startsWith("-");
  }

  static String quote(String key, String value) {
    return key.equals("timezone") ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
