package dev.vigil.evaluate;

import dev.vigil.config.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Puts the value a condition saw next to its subject: {@code status (503) == 200}. */
final class Shown {
  private static final ObjectMapper JSON = Json.MAPPER;
  private static final int MAX_VALUE = 60;

  private final String head;
  private final String tail;

  /** Splits the condition text after its subject, at {@code subjectEnd}. */
  Shown(String text, int subjectEnd) {
    this.head = text.substring(0, subjectEnd).trim();
    this.tail = text.substring(subjectEnd).trim();
  }

  ConditionResult result(Condition condition, boolean passed, String seen) {
    return new ConditionResult(condition, passed, head + " (" + seen + ") " + tail);
  }

  /** A value as JSON, e.g. {@code "DOWN"} or {@code 42}, cut to a readable length. */
  static String json(Object value) {
    String s;
    try {
      s = JSON.writeValueAsString(value);
    } catch (JsonProcessingException | RuntimeException e) {
      s = String.valueOf(value);
    }
    return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE - 1) + "…";
  }

  static String bodyNote(String body, boolean truncated) {
    int bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    return truncated ? "first " + bytes + " bytes, truncated" : bytes + " bytes";
  }
}
