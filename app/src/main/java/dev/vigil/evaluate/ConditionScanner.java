package dev.vigil.evaluate;

import dev.vigil.config.Durations;
import java.time.Duration;

/** Reads the pieces of one condition left to right, remembering where each piece started. */
final class ConditionScanner {
  private final String text;
  private int pos;

  ConditionScanner(String text) {
    this.text = text;
  }

  /** Skips spaces and returns where the next piece starts. */
  int position() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    return pos;
  }

  boolean atEnd() {
    return position() == text.length();
  }

  /** A run of non-space characters, or "" at the end. */
  String word() {
    int start = position();
    while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) pos++;
    return text.substring(start, pos);
  }

  /** A run of letters, or else a word: the subject of a condition. */
  String subject() {
    int start = position();
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) pos++;
    return pos == start ? word() : text.substring(start, pos);
  }

  String peekWord() {
    int saved = pos;
    String w = word();
    pos = saved;
    return w;
  }

  /** The operator at the current position, or null (nothing consumed). */
  Comparison comparison() {
    int start = position();
    for (Comparison c : Comparison.values()) {
      if (text.startsWith(c.symbol, start)) {
        pos = start + c.symbol.length();
        return c;
      }
    }
    return null;
  }

  boolean accept(char c) {
    if (position() < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  /** A double-quoted string with backslash escapes for {@code \"} and {@code \\}. */
  String quoted() throws ConditionSyntaxException {
    int start = position();
    pos++;
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') return out.toString();
      if (c == '\\' && pos < text.length()) c = text.charAt(pos++);
      out.append(c);
    }
    throw new ConditionSyntaxException("unterminated string", start);
  }

  /** A quoted string, or the rest of the text trimmed. */
  String quotedOrRest(String what) throws ConditionSyntaxException {
    int start = position();
    if (start == text.length()) throw new ConditionSyntaxException("expected " + what, start);
    if (text.charAt(start) == '"') return quoted();
    pos = text.length();
    return text.substring(start).trim();
  }

  /** A regex between slashes; {@code \/} stands for a slash. */
  String slashed() throws ConditionSyntaxException {
    int start = position();
    if (!accept('/')) throw new ConditionSyntaxException("expected a /regex/", start);
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '/') return out.toString();
      if (c == '\\' && pos < text.length()) {
        char next = text.charAt(pos++);
        if (next != '/') out.append(c);
        out.append(next);
      } else {
        out.append(c);
      }
    }
    throw new ConditionSyntaxException("unterminated regex (end it with /)", start);
  }

  /** A JSON path from {@code $} up to the first space outside brackets and quotes. */
  String jsonPath() throws ConditionSyntaxException {
    int start = position();
    if (start == text.length() || text.charAt(start) != '$') {
      throw new ConditionSyntaxException("expected a JSON path starting with $", start);
    }
    int depth = 0;
    char quote = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        depth--;
      } else if (depth <= 0 && Character.isWhitespace(c)) {
        break;
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  /** A run of characters up to a space, comma or bracket, for numbers in lists. */
  String token() {
    int start = position();
    while (pos < text.length() && ",[]".indexOf(text.charAt(pos)) < 0 && !Character.isWhitespace(text.charAt(pos))) pos++;
    return text.substring(start, pos);
  }

  Duration duration(String after) throws ConditionSyntaxException {
    int start = position();
    String w = word();
    if (w.isEmpty()) throw new ConditionSyntaxException("expected a duration after \"" + after + "\"", start);
    try {
      return Durations.parse(w);
    } catch (IllegalArgumentException e) {
      throw new ConditionSyntaxException(e.getMessage(), start);
    }
  }

  void end() throws ConditionSyntaxException {
    int start = position();
    if (start < text.length()) {
      throw new ConditionSyntaxException("unexpected \"" + text.substring(start) + "\" after the condition", start);
    }
  }
}
