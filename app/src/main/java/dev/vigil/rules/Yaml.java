package dev.vigil.rules;

import java.util.regex.Pattern;

/** Writes a value as a YAML scalar: plain when that reads back as the same text, else single-quoted. */
final class Yaml {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./@][A-Za-z0-9_./:@=+-]*");
  /** Words and numbers YAML 1.1 would not read as text: booleans, null, ints, floats, base 60, hex and octal. */
  private static final Pattern SPECIAL = Pattern.compile(
      "(?i)true|false|yes|no|on|off|null|~|y|n|[-+]?[0-9_]*\\.?[0-9_]+([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+|0x.*|0o.*");

  private Yaml() {}

  static String scalar(String value) {
    if (PLAIN.matcher(value).matches() && !SPECIAL.matcher(value).matches() && !value.endsWith(":")) return value;
    return "'" + value.replace("'", "''") + "'";
  }
}
