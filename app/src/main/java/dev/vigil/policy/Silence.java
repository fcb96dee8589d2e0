package dev.vigil.policy;

import dev.vigil.alert.Alert;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Holds back noise for alerts that match every matcher, between {@code starts} and {@code ends}, e.g. during a
 * deploy. {@code monitor=payments-api} matches the alert's monitor or its {@code monitor} label;
 * {@code severity=warning} its severity; any other key one of its labels. A value ending in {@code *} matches
 * by prefix.
 *
 * @param id the store's id, 0 before it is saved
 */
public record Silence(long id, Map<String, String> matchers, Instant starts, Instant ends, String comment, String createdBy) {
  public Silence {
    Objects.requireNonNull(starts, "starts");
    Objects.requireNonNull(ends, "ends");
    if (matchers == null || matchers.isEmpty()) throw new IllegalArgumentException("a silence needs at least one matcher");
    matchers = new TreeMap<>(matchers);
    comment = comment == null ? "" : comment;
    createdBy = createdBy == null ? "" : createdBy;
  }

  public Silence withId(long newId) {
    return new Silence(newId, matchers, starts, ends, comment, createdBy);
  }

  public boolean isActive(Instant now) {
    return !now.isBefore(starts) && now.isBefore(ends);
  }

  public boolean matches(Alert alert) {
    return matches(matchers, alert);
  }

  /** True when the alert matches every matcher, as a silence matches (also used by maintenance windows). */
  public static boolean matches(Map<String, String> matchers, Alert alert) {
    for (Map.Entry<String, String> m : matchers.entrySet()) {
      if (!matchesOne(m.getKey(), m.getValue(), alert)) return false;
    }
    return true;
  }

  private static boolean matchesOne(String key, String want, Alert alert) {
    return switch (key) {
      case "monitor" -> same(want, alert.monitor()) || same(want, alert.labels().get("monitor"));
      case "severity" -> same(want, alert.severity().label());
      default -> same(want, alert.labels().get(key));
    };
  }

  /** {@code want} is a value, a prefix ({@code pay*}) or alternatives of these ({@code a|b}, the same key given twice). */
  private static boolean same(String want, String have) {
    if (have == null) return false;
    for (String alternative : want.split("\\|", -1)) {
      if (alternative.endsWith("*") ? have.startsWith(alternative.substring(0, alternative.length() - 1)) : alternative.equals(have)) {
        return true;
      }
    }
    return false;
  }

  /** {@code silenced by #3 (deploy) until 14:30}. */
  public String describe(Instant now, ZoneId zone) {
    String note = comment.isBlank() ? "" : " (" + comment + ")";
    return "silenced by #" + id + note + " until " + Times.clock(ends, now, zone);
  }

  /** The first active silence that matches the alert. */
  public static Optional<Silence> firstMatch(Iterable<Silence> silences, Alert alert, Instant now) {
    for (Silence s : silences) {
      if (s.isActive(now) && s.matches(alert)) return Optional.of(s);
    }
    return Optional.empty();
  }

  /** {@code monitor=payments-api,team=pay}. */
  public String matchersText() {
    StringBuilder b = new StringBuilder();
    matchers.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return b.toString();
  }
}
