package dev.vigil.rules;

import dev.vigil.config.RuleProblem;
import dev.vigil.config.YamlNode;
import dev.vigil.policy.Policy;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code policy.yaml} into a finished {@link Policy}: each top-level key by its own {@link PolicySection},
 * every mistake a problem with file, line, column and field, never a silent default.
 *
 * <pre>
 * timezone: Europe/Berlin
 * overnight: "22:00-08:00"            # or {weekdays: "22:00-07:00", fri: "23:30-10:00", sat: off}
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
final class PolicyReader {
  /** Keys of policy.yaml read beside the policy: {@code oncall} by {@link OncallReader} into {@link RuleSet#oncall()}. */
  static final List<String> READ_BESIDE = List.of("oncall");

  static final List<PolicySection> SECTIONS = List.of(
      new TimezoneSection(),
      new WindowSection("overnight", true),
      new WindowSection("quiet", false),
      new BehaviourSection(),
      new EscalationSection(),
      new StormSection(),
      new ReopenSection(),
      new ChannelsSection());
  private static final Set<String> KEYS = keys();

  private PolicyReader() {}

  private static Set<String> keys() {
    Set<String> all = new LinkedHashSet<>();
    SECTIONS.forEach(s -> all.addAll(s.keys()));
    all.addAll(READ_BESIDE);
    return Set.copyOf(all);
  }

  /** The policy {@code root} (policy.yaml's document) describes; its problems are added to {@code problems}. */
  static Policy read(YamlNode root, Map<String, String> env, List<RuleProblem> problems) {
    Fields file = new Fields(root, "policy", KEYS, env, problems);
    Policy policy = defaults();
    for (PolicySection section : SECTIONS) policy = section.read(file, policy);
    return policy;
  }

  /** The policy when there is no policy.yaml. */
  static Policy defaults() {
    return Policy.defaults(ZoneId.systemDefault());
  }
}
