package dev.vigil.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alert.Severity;
import dev.vigil.rules.PolicySpec;
import dev.vigil.rules.RuleProblem;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code policy.yaml} into a {@link Policy}: every field validated and defaulted once, at load. Problems
 * name the file, line, column and field; they never contain the value of an environment variable.
 *
 * <pre>
 * timezone: Europe/Berlin
 * overnight: "22:00-08:00"            # or {mon: "22:00-07:00", ..., sat: off}
 * quiet: "12:00-13:00"                # scheduled quiet hours, same shape (optional)
 * behaviour:
 *   day:   {critical: chime, warning: notify, info: tray}
 *   night: {critical: wake, warning: digest, info: digest}
 * escalation: {escalateAfter: 5m, contactAfter: 15m, rewakeAfter: 30m, rampUp: 2m}
 * storm: {count: 5, within: 2m}
 * channels:
 *   ntfy: {url: https://ntfy.sh, topic: "${env:NTFY_TOPIC}", token: "${env:NTFY_TOKEN}"}
 *   pushover: {token: "${env:PUSHOVER_TOKEN}", user: "${env:PUSHOVER_USER}"}
 *   webhook: {url: "https://example.org/hook"}
 *   healthchecks: {url: "https://hc-ping.com/${env:HC_UUID}", every: 5m}
 * </pre>
 */
public final class PolicyParser {
  private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Set<String> TOP = Set.of(
      "timezone", "overnight", "quiet", "behaviour", "behavior", "escalation", "storm", "channels", "oncall");
  private static final Map<String, DayOfWeek> DAYS = Map.of(
      "mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY, "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY,
      "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

  private final PolicySpec spec;
  private final Function<String, String> env;
  private final List<RuleProblem> problems = new ArrayList<>();
  private YamlLocations locations;

  private PolicyParser(PolicySpec spec, Function<String, String> env) {
    this.spec = spec;
    this.env = env;
  }

  /** The policy with its problems; when there are problems the policy holds the defaults for those fields. */
  public record Result(Policy policy, List<RuleProblem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean isValid() {
      return problems.isEmpty();
    }
  }

  public static Result parse(PolicySpec spec) {
    return parse(spec, System::getenv);
  }

  public static Result parse(PolicySpec spec, Function<String, String> env) {
    if (spec == null) spec = PolicySpec.defaults();
    return new PolicyParser(spec, env).run();
  }

  private Result run() {
    ZoneId zone = spec.timezone() != null ? spec.timezone() : ZoneId.systemDefault();
    Policy base = Policy.defaults(zone);
    JsonNode doc = spec.document();
    if (doc == null || doc.isNull() || doc.isMissingNode()) {
      Optional<DailyWindow> w = DailyWindow.parse(spec.overnight());
      Policy p = w.isPresent()
          ? new Policy(zone, OvernightWindow.every(w.get()), base.quietHours(), base.day(), base.night(),
              base.escalation(), base.storm(), base.channels())
          : base;
      return new Result(p, problems);
    }
    if (!doc.isObject()) {
      problem("", "policy must be a mapping of fields (timezone, overnight, ...)");
      return new Result(base, problems);
    }
    for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!TOP.contains(f)) problem("/" + f, "policy: unknown field \"" + f + "\" (expected one of timezone, overnight, quiet, behaviour, escalation, storm, channels, oncall)");
    }
    // timezone (a zone id, or "system") is validated and resolved by the rules loader into spec.timezone().
    OvernightWindow overnight = doc.has("overnight") ? weekly(doc.get("overnight"), "overnight") : base.overnight();
    OvernightWindow quiet = doc.has("quiet") ? weekly(doc.get("quiet"), "quiet") : OvernightWindow.none();
    JsonNode behaviour = doc.has("behaviour") ? doc.get("behaviour") : doc.get("behavior");
    String bName = doc.has("behaviour") ? "behaviour" : "behavior";
    Map<Severity, Level> day = levels(behaviour, bName, "day", Policy.DEFAULT_DAY);
    Map<Severity, Level> night = levels(behaviour, bName, "night", Policy.DEFAULT_NIGHT);
    if (behaviour != null) unknown(behaviour, "/" + bName, bName, Set.of("day", "night"));
    Policy.Escalation esc = escalation(doc.get("escalation"));
    Policy.Storm storm = storm(doc.get("storm"));
    Policy.Channels channels = channels(doc.get("channels"));
    return new Result(new Policy(zone, overnight, quiet, day, night, esc, storm, channels), problems);
  }

  private OvernightWindow weekly(JsonNode node, String field) {
    if (node == null || node.isNull() || isOff(node)) return OvernightWindow.none();
    if (node.isTextual()) {
      Optional<DailyWindow> w = DailyWindow.parse(node.asText());
      if (w.isEmpty()) {
        problem("/" + field, "policy: field \"" + field + "\": \"" + node.asText() + "\" is not a window (use HH:MM-HH:MM, e.g. 22:00-08:00)");
        return field.equals("overnight") ? Policy.defaults(ZoneId.of("UTC")).overnight() : OvernightWindow.none();
      }
      return OvernightWindow.every(w.get());
    }
    if (node.isObject()) {
      Map<DayOfWeek, DailyWindow> nights = new EnumMap<>(DayOfWeek.class);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey().toLowerCase();
        String path = "/" + field + "/" + e.getKey();
        List<DayOfWeek> days = new ArrayList<>();
        if (DAYS.containsKey(key)) days.add(DAYS.get(key));
        else if (key.equals("weekdays")) days.addAll(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
        else if (key.equals("weekend")) days.addAll(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        else {
          problem(path, "policy: field \"" + field + "." + e.getKey() + "\": not a weekday (use mon, tue, wed, thu, fri, sat, sun, weekdays, weekend)");
          continue;
        }
        if (isOff(e.getValue())) {
          days.forEach(nights::remove);
          continue;
        }
        Optional<DailyWindow> w = DailyWindow.parse(e.getValue().asText());
        if (w.isEmpty()) {
          problem(path, "policy: field \"" + field + "." + e.getKey() + "\": \"" + e.getValue().asText() + "\" is not a window (use HH:MM-HH:MM or off)");
          continue;
        }
        days.forEach(d -> nights.put(d, w.get()));
      }
      return OvernightWindow.of(nights);
    }
    problem("/" + field, "policy: field \"" + field + "\": expected \"HH:MM-HH:MM\" or a map of weekdays (mon..sun)");
    return OvernightWindow.none();
  }

  private static boolean isOff(JsonNode n) {
    return (n.isBoolean() && !n.asBoolean()) || (n.isTextual() && Set.of("off", "none", "").contains(n.asText().trim().toLowerCase()));
  }

  private Map<Severity, Level> levels(JsonNode behaviour, String bName, String when, Map<Severity, Level> defaults) {
    Map<Severity, Level> out = new EnumMap<>(defaults);
    if (behaviour == null || !behaviour.has(when)) return out;
    JsonNode node = behaviour.get(when);
    String path = "/" + bName + "/" + when;
    if (!node.isObject()) {
      problem(path, "policy: field \"" + bName + "." + when + "\": expected a map of severity to wake|chime|notify|tray|digest");
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = bName + "." + when + "." + e.getKey();
      Optional<Severity> sev = Severity.parse(e.getKey());
      if (sev.isEmpty()) {
        problem(path + "/" + e.getKey(), "policy: field \"" + field + "\": not a severity (use critical, warning, info)");
        continue;
      }
      Optional<Level> level = Level.parse(e.getValue().asText());
      if (level.isEmpty()) {
        problem(path + "/" + e.getKey(), "policy: field \"" + field + "\": \"" + e.getValue().asText() + "\" is not a behaviour (use wake, chime, notify, tray, digest)");
        continue;
      }
      out.put(sev.get(), level.get());
    }
    return out;
  }

  private Policy.Escalation escalation(JsonNode node) {
    Policy.Escalation d = Policy.Escalation.DEFAULT;
    if (node == null || node.isNull()) return d;
    if (!object(node, "escalation")) return d;
    unknown(node, "/escalation", "escalation", Set.of("escalateAfter", "contactAfter", "rewakeAfter", "rampUp"));
    Duration escalate = duration(node, "escalation", "escalateAfter", d.escalateAfter());
    Duration contact = duration(node, "escalation", "contactAfter", d.contactAfter());
    Duration rewake = duration(node, "escalation", "rewakeAfter", d.rewakeAfter());
    Duration ramp = duration(node, "escalation", "rampUp", d.rampUp());
    if (contact.compareTo(escalate) < 0) {
      problem("/escalation/contactAfter", "policy: field \"escalation.contactAfter\": " + DurationText.format(contact)
          + " comes before escalation.escalateAfter (" + DurationText.format(escalate) + ")");
    }
    return new Policy.Escalation(escalate, contact, rewake, ramp);
  }

  private Policy.Storm storm(JsonNode node) {
    Policy.Storm d = Policy.Storm.DEFAULT;
    if (node == null || node.isNull()) return d;
    if (!object(node, "storm")) return d;
    unknown(node, "/storm", "storm", Set.of("count", "within"));
    int count = d.count();
    if (node.has("count")) {
      JsonNode c = node.get("count");
      if (c.canConvertToInt() && c.asInt(-1) >= 2 && (c.isInt() || c.asText().matches("\\d+"))) count = c.asInt();
      else problem("/storm/count", "policy: field \"storm.count\": \"" + c.asText() + "\" is not a whole number of 2 or more");
    }
    return new Policy.Storm(count, duration(node, "storm", "within", d.within()));
  }

  private Policy.Channels channels(JsonNode node) {
    if (node == null || node.isNull()) return Policy.Channels.NONE;
    if (!object(node, "channels")) return Policy.Channels.NONE;
    unknown(node, "/channels", "channels", Set.of("ntfy", "pushover", "webhook", "healthchecks"));
    Policy.Ntfy ntfy = null;
    Policy.Pushover pushover = null;
    Policy.Webhook webhook = null;
    Policy.Healthchecks hc = null;
    JsonNode n = node.get("ntfy");
    if (n != null && object(n, "channels.ntfy")) {
      unknown(n, "/channels/ntfy", "channels.ntfy", Set.of("url", "topic", "token"));
      String url = text(n, "channels.ntfy", "url", "https://ntfy.sh", false);
      String topic = text(n, "channels.ntfy", "topic", null, true);
      String token = text(n, "channels.ntfy", "token", null, false);
      if (url != null) url(url, "/channels/ntfy/url", "channels.ntfy.url");
      if (topic != null) ntfy = new Policy.Ntfy(url, topic, token);
    }
    JsonNode p = node.get("pushover");
    if (p != null && object(p, "channels.pushover")) {
      unknown(p, "/channels/pushover", "channels.pushover", Set.of("token", "user", "api"));
      String token = text(p, "channels.pushover", "token", null, true);
      String user = text(p, "channels.pushover", "user", null, true);
      String api = text(p, "channels.pushover", "api", "https://api.pushover.net", false);
      if (token != null && user != null) pushover = new Policy.Pushover(token, user, api);
    }
    JsonNode w = node.get("webhook");
    if (w != null && object(w, "channels.webhook")) {
      unknown(w, "/channels/webhook", "channels.webhook", Set.of("url"));
      String url = text(w, "channels.webhook", "url", null, true);
      if (url != null && url(url, "/channels/webhook/url", "channels.webhook.url")) webhook = new Policy.Webhook(url);
    }
    JsonNode h = node.get("healthchecks");
    if (h != null && object(h, "channels.healthchecks")) {
      unknown(h, "/channels/healthchecks", "channels.healthchecks", Set.of("url", "every"));
      String url = text(h, "channels.healthchecks", "url", null, true);
      Duration every = duration(h, "channels.healthchecks", "every", Duration.ofMinutes(1));
      if (url != null && url(url, "/channels/healthchecks/url", "channels.healthchecks.url")) hc = new Policy.Healthchecks(url, every);
    }
    return new Policy.Channels(ntfy, pushover, webhook, hc);
  }

  private boolean object(JsonNode node, String field) {
    if (node.isObject()) return true;
    problem("/" + field.replace('.', '/'), "policy: field \"" + field + "\": expected a mapping of fields");
    return false;
  }

  private void unknown(JsonNode node, String path, String field, Set<String> known) {
    if (!node.isObject()) return;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        problem(path + "/" + f, "policy: field \"" + field + "." + f + "\": unknown field (expected one of " + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }

  private Duration duration(JsonNode node, String owner, String field, Duration dflt) {
    if (!node.has(field) || node.get(field).isNull()) return dflt;
    String text = node.get(field).asText();
    Optional<Duration> d = DurationText.parse(text);
    if (d.isEmpty() || d.get().isZero()) {
      problem("/" + owner.replace('.', '/') + "/" + field, "policy: field \"" + owner + "." + field + "\": \"" + text
          + "\" is not a duration (use 500ms, 30s, 5m, 1h, 1d)");
      return dflt;
    }
    return d.get();
  }

  private String text(JsonNode node, String owner, String field, String dflt, boolean required) {
    String path = "/" + owner.replace('.', '/') + "/" + field;
    if (!node.has(field) || node.get(field).isNull() || node.get(field).asText().isBlank()) {
      if (required) problem(node.has(field) ? path : "/" + owner.replace('.', '/'), "policy: field \"" + owner + "." + field + "\": required");
      return dflt;
    }
    return substitute(node.get(field).asText(), path, owner + "." + field);
  }

  private String substitute(String raw, String path, String field) {
    Matcher m = ENV.matcher(raw);
    StringBuilder out = new StringBuilder();
    boolean ok = true;
    while (m.find()) {
      String value = env.apply(m.group(1));
      if (value == null) {
        problem(path, "policy: field \"" + field + "\": environment variable " + m.group(1) + " is not set");
        ok = false;
        value = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return ok ? out.toString() : null;
  }

  private boolean url(String url, String path, String field) {
    if (url.startsWith("http://") || url.startsWith("https://")) return true;
    problem(path, "policy: field \"" + field + "\": not an http(s) URL");
    return false;
  }

  private void problem(String pointer, String message) {
    if (locations == null) locations = YamlLocations.read(spec.file());
    problems.add(RuleProblem.at(locations.of(pointer), message));
  }
}
