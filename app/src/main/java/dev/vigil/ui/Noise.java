package dev.vigil.ui;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.policy.Decision;
import dev.vigil.policy.Level;
import dev.vigil.policy.QuietMode;
import dev.vigil.policy.Silence;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Why an open alert is, or is not, making noise, in words. Whether it is comes from the notifier's own decision
 * ({@link NoiseRules#decide}); this class only words it, naming the silence or quiet mode that holds it back.
 */
public final class Noise {
  private Noise() {}

  public static String reason(Alert alert, NoiseRules rules, Instant now, ZoneId zone) {
    return reason(alert, rules, now, zone, java.util.Set.of());
  }

  /** @param openMonitors the monitors with an open alert: a parent among them still holds its dependents back */
  public static String reason(Alert alert, NoiseRules rules, Instant now, ZoneId zone, java.util.Set<String> openMonitors) {
    if (alert.state() == AlertState.RESOLVED) return "Resolved: silent";
    if (alert.snoozedUntil() != null && alert.snoozedUntil().isAfter(now)) {
      return "Snoozed until " + Times.clock(alert.snoozedUntil(), now, zone) + ": silent";
    }
    if (alert.state() == AlertState.ACKNOWLEDGED) return "Acknowledged: silent";
    if (alert.heldBy() != null && openMonitors.contains(alert.heldBy())) return "Held: " + alert.heldBy() + " is down: silent";
    Decision decision = rules.decide(alert, now);
    String behaviour = behaviour(alert, decision.level(), rules.isOvernight(now), now, rules, zone);
    Optional<QuietMode> quiet = rules.quiet(now);
    if (!decision.isSent()) {
      Optional<Silence> silence = rules.silencing(alert, now);
      if (silence.isPresent()) return silenced(silence.get(), now, zone);
      var maintenance = rules.inMaintenance(alert, now);
      if (maintenance.isPresent()) {
        return "In maintenance until " + Times.clock(maintenance.get().ends(), now, zone) + " (" + maintenance.get().id() + "): silent";
      }
      if (decision.level().isNoisy() && quiet.isPresent()) return quiet(quiet.get(), now, zone) + ": recorded, not ringing";
      return behaviour;
    }
    if (decision.level().isNoisy() && quiet.isPresent()) return behaviour + ", breaking through " + quiet(quiet.get(), now, zone).toLowerCase();
    return behaviour;
  }

  private static String behaviour(Alert alert, Level level, boolean overnight, Instant now, NoiseRules rules, ZoneId zone) {
    String when = (overnight ? "Overnight: " : "By day: ") + alert.severity().label();
    return switch (level) {
      case WAKE -> when + " wakes you (alarm)";
      case CHIME -> when + " pops up with a chime";
      case NOTIFY -> when + " pops up, no sound";
      case TRAY -> when + " shows in the tray only";
      case DIGEST -> when + " waits for the morning digest" + rules.policy().overnight().occurrenceAt(now, rules.policy().zone())
          .map(o -> " at " + Times.clock(o.closes(), now, zone)).orElse("");
    };
  }

  private static String silenced(Silence s, Instant now, ZoneId zone) {
    String note = s.comment() == null || s.comment().isBlank() ? "" : " (" + s.comment() + ")";
    return "Silenced by #" + s.id() + note + " until " + Times.clock(s.ends(), now, zone) + ": silent";
  }

  private static String quiet(QuietMode q, Instant now, ZoneId zone) {
    return q.until() == null ? "Quiet mode until turned off" : "Quiet mode until " + Times.clock(q.until(), now, zone);
  }

  /** True when the alert is firing and not snoozed: it wants someone's attention now. */
  public static boolean isFiring(Alert alert, Instant now) {
    return alert.state() == AlertState.FIRING && (alert.snoozedUntil() == null || !alert.snoozedUntil().isAfter(now));
  }
}
