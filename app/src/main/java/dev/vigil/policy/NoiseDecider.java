package dev.vigil.policy;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Decides how much noise one alert change makes, and says why. Pure: the time is the change's own, and the
 * quiet mode and silences come in a {@link Situation}.
 *
 * <p>In order: an acknowledged or snoozed alert makes no noise; a silence or a maintenance window holds it back; quiet mode holds back
 * sound and pop-ups unless the monitor breaks through; otherwise the policy's behaviour for the severity by
 * day or by night applies.
 */
public final class NoiseDecider {
  private final Policy policy;

  public NoiseDecider(Policy policy) {
    this.policy = policy;
  }

  public Policy policy() {
    return policy;
  }

  public boolean isOvernight(Instant t) {
    return policy.overnight().contains(t, policy.zone());
  }

  public Decision decide(AlertChange change, Situation situation) {
    Alert alert = change.alert();
    Instant now = change.at();
    ZoneId zone = policy.zone();
    switch (change.kind()) {
      case ACKNOWLEDGED:
        return Decision.suppressed("tray", Level.TRAY, "acknowledged: no noise");
      case SNOOZED:
        return Decision.suppressed("tray", Level.TRAY, snoozed(alert, now));
      case RESOLVED:
        return Decision.sent("tray", Level.TRAY, "resolved");
      case REPEATED:
        return Decision.suppressed("tray", Level.TRAY, "repeat folded into the alert (count " + alert.count() + ")");
      default:
        break;
    }
    boolean overnight = isOvernight(now);
    boolean offCall = !situation.onCall().at(now).onCall();
    Level level = offCall ? situation.onCall().offShift(alert.severity()) : policy.behaviour(alert.severity(), overnight);
    String channel = channelFor(level);
    if (alert.snoozedUntil() != null && now.isBefore(alert.snoozedUntil())) {
      return Decision.suppressed(channel, level, snoozed(alert, now));
    }
    if (alert.state() == AlertState.ACKNOWLEDGED) {
      return Decision.suppressed(channel, level, change.kind() == AlertChange.Kind.REOPENED
          ? "reopened (" + alert.reopens() + "), acknowledged before: no noise" : "acknowledged: no noise");
    }
    if (alert.state() == AlertState.RESOLVED) return Decision.suppressed(channel, level, "already resolved");
    Optional<Silence> silence = Silence.firstMatch(situation.silences(), alert, now);
    if (silence.isPresent()) return Decision.suppressed(channel, level, silence.get().describe(now, zone));
    Optional<MaintenanceWindow.Occurrence> maintenance = MaintenanceWindow.covering(situation.maintenance(), alert, now, zone);
    if (maintenance.isPresent()) return Decision.suppressed(channel, level, MaintenanceWindow.describe(maintenance.get(), now, zone));
    String why = why(alert, level, overnight, offCall, now);
    if (level.isNoisy()) {
      Optional<QuietMode> quiet = QuietMode.effective(situation.manualQuiet(), policy, now);
      if (quiet.isPresent()) {
        if (!situation.breakthrough()) return Decision.suppressed(channel, level, quiet.get().describe(now, zone));
        return Decision.sent(channel, level, why + " (breakthrough: " + quiet.get().describe(now, zone) + " ignored)");
      }
    }
    return level == Level.DIGEST ? Decision.suppressed(channel, level, why) : Decision.sent(channel, level, why);
  }

  private String snoozed(Alert alert, Instant now) {
    return alert.snoozedUntil() == null
        ? "snoozed: no noise"
        : "snoozed until " + Times.clock(alert.snoozedUntil(), now, policy.zone());
  }

  private String why(Alert alert, Level level, boolean overnight, boolean offCall, Instant now) {
    String when = alert.severity().label() + (offCall ? " off call" : overnight ? " overnight" : " by day");
    return switch (level) {
      case WAKE -> when + ": wake ladder";
      case CHIME -> when + ": notification and chime";
      case NOTIFY -> when + ": notification, no sound";
      case TRAY -> when + ": tray only";
      case DIGEST -> when + ": held for the morning digest" + policy.overnight().occurrenceAt(now, policy.zone())
          .map(o -> " at " + Times.clock(o.closes(), now, policy.zone())).orElse("");
    };
  }

  /** The channel each level goes out on. */
  public static String channelFor(Level level) {
    return switch (level) {
      case WAKE -> "ladder";
      case CHIME, NOTIFY -> "desktop";
      case TRAY -> "tray";
      case DIGEST -> "digest";
    };
  }
}
