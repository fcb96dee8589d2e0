package dev.vigil.rules;

import dev.vigil.config.Location;
import dev.vigil.config.RuleProblem;
import dev.vigil.config.YamlNode;
import dev.vigil.config.Durations;
import dev.vigil.alert.Severity;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads the fields of one rule (a map), adding a problem that names the rule and field for each mistake.
 * Getters return the default, or null, when a value is missing or wrong; {@link #failed()} tells them apart.
 */
final class Fields {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,10})(KiB|MiB)?");

  final YamlNode map;
  final String name;
  /** Written before each field name in messages: {@code ""} for a rule, {@code "storm."} for a policy section. */
  private final String path;
  private final Map<String, String> env;
  private final List<RuleProblem> problems;
  private final int problemsBefore;

  /** @param name how messages start, e.g. {@code monitor "payments-api"} or {@code monitor at index 2} */
  Fields(YamlNode map, String name, Set<String> known, Map<String, String> env, List<RuleProblem> problems) {
    this(map, name, "", known, env, problems);
  }

  private Fields(YamlNode map, String name, String path, Set<String> known, Map<String, String> env, List<RuleProblem> problems) {
    this.map = map;
    this.name = name;
    this.path = path;
    this.env = env;
    this.problems = problems;
    this.problemsBefore = problems.size();
    map.keys.forEach((key, at) -> {
      if (!known.contains(key)) problem(at, "unknown field \"" + path + key + "\"" + suggest(key, known));
    });
  }

  /** The rule's id when it is a plain word, else null; no problem is added here. */
  static String id(YamlNode map) {
    YamlNode id = map.fields.get("id");
    return id != null && id.isScalar() && !id.isNull() && ID.matcher(id.text).matches() ? id.text : null;
  }

  static String suggest(String word, Iterable<String> known) {
    LevenshteinDistance distance = new LevenshteinDistance(3);
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance.apply(word, k);
      if (d >= 0 && d < bestScore) {
        best = k;
        bestScore = d;
      }
    }
    return best == null ? "" : " (did you mean \"" + best + "\"?)";
  }

  boolean failed() {
    return problems.size() > problemsBefore;
  }

  void problem(Location at, String message) {
    problems.add(RuleProblem.at(at, name + ": " + message));
  }

  void problem(String field, String message) {
    problem(where(field), "field \"" + path + field + "\": " + message);
  }

  /**
   * The fields of the map under {@code field} (a policy section such as {@code storm}), or null when it is
   * missing or null; when it is not a map, null and a problem.
   */
  Fields section(String field, Set<String> known) {
    YamlNode n = map.fields.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isMap()) {
      problem(field, "expected a map of fields, not " + n.describe());
      return null;
    }
    return new Fields(n, name, path + field + ".", known, env, problems);
  }

  /** The value written for {@code field}, or null. */
  YamlNode node(String field) {
    return map.fields.get(field);
  }

  Location where(String field) {
    YamlNode n = map.fields.get(field);
    return n != null ? n.where : map.where;
  }

  boolean has(String field) {
    YamlNode n = map.fields.get(field);
    return n != null && !n.isNull();
  }

  private YamlNode scalar(String field, boolean required) {
    YamlNode n = map.fields.get(field);
    if (n == null || n.isNull()) {
      if (required) problem(map.where, "missing field \"" + path + field + "\"");
      return null;
    }
    if (!n.isScalar()) {
      problem(field, "expected a single value, not " + n.describe());
      return null;
    }
    return n;
  }

  String text(String field, boolean required) {
    YamlNode n = scalar(field, required);
    return n == null ? null : n.text;
  }

  /** Text that may use {@code ${env:NAME}}; blank counts as missing. */
  String envText(String field, boolean required) {
    YamlNode n = scalar(field, required);
    if (n == null) return null;
    if (n.text.isBlank()) {
      if (required) problem(field, "must not be empty");
      return null;
    }
    return substitute(n.text, path + field, n.where);
  }

  String id() {
    YamlNode n = scalar("id", true);
    if (n != null && !ID.matcher(n.text).matches()) {
      problem("id", n.describe() + " may only use letters, digits, \".\", \"_\" and \"-\"");
    }
    return n == null ? null : n.text;
  }

  Duration duration(String field, Duration fallback, Duration atLeast) {
    YamlNode n = scalar(field, false);
    if (n == null) return fallback;
    try {
      Duration d = Durations.parse(n.text);
      if (d.compareTo(atLeast) < 0) {
        problem(field, Durations.format(d) + " is shorter than " + Durations.format(atLeast));
        return fallback;
      }
      return d;
    } catch (IllegalArgumentException e) {
      problem(field, e.getMessage());
      return fallback;
    }
  }

  int integer(String field, int fallback, int min, int max) {
    YamlNode n = scalar(field, false);
    if (n == null) return fallback;
    if (n.token == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT && n.text.matches("\\d{1,9}")) {
      int v = Integer.parseInt(n.text);
      if (v >= min && v <= max) return v;
    }
    problem(field, n.describe() + " must be a whole number from " + min + " to " + max);
    return fallback;
  }

  boolean bool(String field, boolean fallback) {
    YamlNode n = scalar(field, false);
    if (n == null) return fallback;
    switch (n.token) {
      case VALUE_TRUE: return true;
      case VALUE_FALSE: return false;
      default:
        problem(field, n.describe() + " must be true or false");
        return fallback;
    }
  }

  Severity severity(String field) {
    YamlNode n = scalar(field, false);
    if (n == null) return Severity.WARNING;
    return Severity.parse(n.text).orElseGet(() -> {
      problem(field, n.describe() + " must be critical, warning or info");
      return Severity.WARNING;
    });
  }

  long size(String field, long fallback) {
    YamlNode n = scalar(field, false);
    if (n == null) return fallback;
    var m = SIZE.matcher(n.text);
    if (m.matches()) {
      long unit = m.group(2) == null ? 1 : m.group(2).equals("KiB") ? 1024 : 1 << 20;
      long bytes = Long.parseLong(m.group(1)) * unit;
      if (bytes >= 1 && bytes <= 256L << 20) return bytes;
    }
    problem(field, n.describe() + " is not a size from 1 byte to 256MiB (use bytes, 64KiB or 1MiB)");
    return fallback;
  }

  /** An http(s) URL with a host, after env substitution; messages show only what was written. */
  String url(String field, boolean required) {
    YamlNode n = scalar(field, required);
    if (n == null) return null;
    String url = substitute(n.text, path + field, n.where);
    if (url == null) return null;
    try {
      URI u = new URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) return url;
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    problem(field, n.describe() + " is not an http or https URL with a host");
    return null;
  }

  /** A map of text to text; with {@code substitute}, values may use {@code ${env:NAME}}. */
  Map<String, String> textMap(String field, boolean substitute) {
    Map<String, String> out = new LinkedHashMap<>();
    YamlNode n = map.fields.get(field);
    if (n == null || n.isNull()) return out;
    if (!n.isMap()) {
      problem(field, "expected a map of names to values, not " + n.describe());
      return out;
    }
    n.fields.forEach((k, v) -> {
      String at = path + field + "." + k;
      if (!v.isScalar() || v.isNull()) {
        problem(v.where, "field \"" + at + "\": expected a single value, not " + v.describe());
      } else {
        String value = substitute ? substitute(v.text, at, v.where) : v.text;
        if (value != null) out.put(k, value);
      }
    });
    return out;
  }

  List<String> textList(String field) {
    List<String> out = new ArrayList<>();
    YamlNode n = map.fields.get(field);
    if (n == null || n.isNull()) return out;
    if (!n.isList()) {
      problem(field, "expected a list, not " + n.describe());
      return out;
    }
    for (int i = 0; i < n.items.size(); i++) {
      YamlNode item = n.items.get(i);
      if (!item.isScalar() || item.isNull()) {
        problem(item.where, "field \"" + path + field + "[" + i + "]\": expected a single value, not " + item.describe());
      } else {
        out.add(item.text);
      }
    }
    return out;
  }

  /** Replaces {@code ${env:NAME}}; a variable that is not set is a problem naming it, never its value. */
  String substitute(String raw, String field, Location at) {
    List<String> missing = new ArrayList<>();
    StringSubstitutor s = new StringSubstitutor(key -> {
      if (key.startsWith("env:") && env.containsKey(key.substring(4))) return env.get(key.substring(4));
      missing.add(key);
      return null;
    });
    s.setValueDelimiterMatcher(null);
    String out = s.replace(raw);
    for (String key : missing) {
      problem(at, "field \"" + field + "\": " + (key.startsWith("env:")
          ? "environment variable " + key.substring(4) + " is not set"
          : "unknown variable ${" + key + "} (use ${env:NAME})"));
    }
    return missing.isEmpty() ? out : null;
  }
}
