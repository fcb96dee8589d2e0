package dev.vigil.app;

import dev.vigil.config.Durations;
import dev.vigil.config.RuleProblem;
import dev.vigil.engine.Reload;
import dev.vigil.engine.WatchStatus;
import dev.vigil.policy.OvernightWindow;
import dev.vigil.policy.Policy;
import dev.vigil.policy.QuietMode;
import dev.vigil.rules.RuleSet;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code vigil status} shows of a running instance, as the JSON of {@code GET /api/status}: whether it watches
 * and since when, what it watches, its last reload and that reload's problems, the policy in force, the channels,
 * where its API listens and where its data is.
 */
final class StatusReport {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private StatusReport() {}

  static Map<String, Object> of(Watch watch, Path rulesDir, int apiPort) {
    Instant now = watch.clock().instant();
    RuleSet rules = watch.engine().rules();
    Policy policy = rules.policy();
    ZoneId zone = policy.zone();
    WatchStatus status = watch.engine().status();
    Reload reload = watch.engine().lastReload();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("running", true);
    out.put("watching", status.watching());
    out.put("reason", status.reason());
    out.put("since", time(watch.engine().watchingSince(), zone));
    out.put("monitors", rules.monitors().size());
    out.put("heartbeats", rules.heartbeats().size());
    out.put("sources", rules.sources().size());
    out.put("rulesFolder", rulesDir.toAbsolutePath().toString());
    Map<String, Object> last = new LinkedHashMap<>();
    last.put("at", time(reload.at(), zone));
    last.put("applied", reload.applied());
    last.put("problems", reload.problems().stream().map(RuleProblem::format).toList());
    out.put("lastReload", last);
    out.put("policy", policy(policy, rules.policyFile(), watch.notifier().manualQuiet().orElse(null), now));
    out.put("channels", channels(policy.channels()));
    out.put("oncall", watch.notifier().onCall().at(now).toJson(zone));
    out.put("apiPort", apiPort);
    out.put("dataFolder", watch.dataDir().toAbsolutePath().toString());
    out.put("databaseBytes", watch.store().databaseBytes());
    return out;
  }

  private static Map<String, Object> policy(Policy p, Path file, QuietMode manual, Instant now) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("file", file == null ? null : file.toAbsolutePath().toString());
    out.put("zone", p.zone().getId());
    out.put("overnight", p.overnight().text());
    out.put("overnightTonight", tonight(p.overnight(), now, p.zone()));
    Optional<QuietMode> quiet = QuietMode.effective(manual, p, now);
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("on", quiet.isPresent());
    q.put("until", quiet.map(QuietMode::until).map(t -> time(t, p.zone())).orElse(null));
    q.put("hours", p.quietHours().text());
    out.put("quiet", q);
    Map<String, Object> storm = new LinkedHashMap<>();
    storm.put("count", p.storm().count());
    storm.put("within", Durations.format(p.storm().within()));
    out.put("storm", storm);
    return out;
  }

  /** The window that opens this evening, e.g. {@code "22:00-07:00"}, or {@code "off"}. */
  static String tonight(OvernightWindow overnight, Instant now, ZoneId zone) {
    LocalDate today = now.atZone(zone).toLocalDate();
    return overnight.occurrenceOpeningOn(today, zone)
        .map(o -> CLOCK.format(o.opens().atZone(zone)) + "-" + CLOCK.format(o.closes().atZone(zone)))
        .orElse("off");
  }

  private static List<String> channels(Policy.Channels c) {
    List<String> out = new ArrayList<>();
    if (c.ntfy() != null) out.add("ntfy");
    if (c.pushover() != null) out.add("pushover");
    if (c.webhook() != null) out.add("webhook");
    if (c.healthchecks() != null) out.add("healthchecks");
    return out;
  }

  private static String time(Instant t, ZoneId zone) {
    return dev.vigil.alert.AlertJson.time(t, zone);
  }
}
