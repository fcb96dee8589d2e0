package dev.vigil.policy;

import dev.vigil.alert.Severity;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The person's noise policy, read from {@code policy.yaml} by the rules loader, validated and defaulted.
 *
 * @param zone the person's time zone; every time in a reason is shown in it
 * @param overnight when they sleep
 * @param quietHours scheduled quiet mode (none by default)
 * @param day what each severity does outside the overnight window
 * @param night what each severity does inside it
 * @param reopenWithin a monitor firing again this soon after its alert resolved reopens that alert (issue 15)
 */
public record Policy(
    ZoneId zone,
    OvernightWindow overnight,
    OvernightWindow quietHours,
    Map<Severity, Level> day,
    Map<Severity, Level> night,
    Escalation escalation,
    Storm storm,
    Channels channels,
    Duration reopenWithin) {

  /** policy.yaml's {@code reopenWithin} when it says nothing. */
  public static final Duration DEFAULT_REOPEN_WITHIN = Duration.ofMinutes(30);

  public Policy(ZoneId zone, OvernightWindow overnight, OvernightWindow quietHours, Map<Severity, Level> day,
      Map<Severity, Level> night, Escalation escalation, Storm storm, Channels channels) {
    this(zone, overnight, quietHours, day, night, escalation, storm, channels, DEFAULT_REOPEN_WITHIN);
  }

  public Policy {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(overnight, "overnight");
    Objects.requireNonNull(quietHours, "quietHours");
    day = complete(day, DEFAULT_DAY);
    night = complete(night, DEFAULT_NIGHT);
    Objects.requireNonNull(escalation, "escalation");
    Objects.requireNonNull(storm, "storm");
    Objects.requireNonNull(channels, "channels");
    Objects.requireNonNull(reopenWithin, "reopenWithin");
  }

  static final Map<Severity, Level> DEFAULT_DAY = Map.of(
      Severity.CRITICAL, Level.CHIME, Severity.WARNING, Level.NOTIFY, Severity.INFO, Level.TRAY);
  static final Map<Severity, Level> DEFAULT_NIGHT = Map.of(
      Severity.CRITICAL, Level.WAKE, Severity.WARNING, Level.DIGEST, Severity.INFO, Level.DIGEST);

  private static Map<Severity, Level> complete(Map<Severity, Level> given, Map<Severity, Level> defaults) {
    Map<Severity, Level> all = new EnumMap<>(defaults);
    if (given != null) all.putAll(given);
    return Map.copyOf(all);
  }

  /** Overnight 22:00-08:00 every night, the standard behaviour, no phone channels. */
  public static Policy defaults(ZoneId zone) {
    return new Policy(
        zone,
        OvernightWindow.every(new DailyWindow(LocalTime.of(22, 0), LocalTime.of(8, 0))),
        OvernightWindow.none(),
        DEFAULT_DAY,
        DEFAULT_NIGHT,
        Escalation.DEFAULT,
        Storm.DEFAULT,
        Channels.NONE);
  }

  public Level behaviour(Severity severity, boolean overnightNow) {
    return (overnightNow ? night : day).get(severity);
  }

  public Policy withZone(ZoneId z) {
    return new Policy(z, overnight, quietHours, day, night, escalation, storm, channels);
  }

  public Policy withOvernight(OvernightWindow o) {
    return new Policy(zone, o, quietHours, day, night, escalation, storm, channels);
  }

  public Policy withBehaviour(Map<Severity, Level> d, Map<Severity, Level> n) {
    return new Policy(zone, overnight, quietHours, d, n, escalation, storm, channels);
  }

  public Policy withChannels(Channels c) {
    return new Policy(zone, overnight, quietHours, day, night, escalation, storm, c, reopenWithin);
  }

  public Policy withEscalation(Escalation e) {
    return new Policy(zone, overnight, quietHours, day, night, e, storm, channels, reopenWithin);
  }

  public Policy withQuietHours(OvernightWindow q) {
    return new Policy(zone, overnight, q, day, night, escalation, storm, channels, reopenWithin);
  }

  public Policy withReopenWithin(Duration within) {
    return new Policy(zone, overnight, quietHours, day, night, escalation, storm, channels, within);
  }

  public Policy withStorm(Storm s) {
    return new Policy(zone, overnight, quietHours, day, night, escalation, s, channels, reopenWithin);
  }

  /**
   * The wake ladder's timing, measured from the moment the alarm starts.
   *
   * @param escalateAfter unacknowledged this long: the phone (ntfy, Pushover)
   * @param contactAfter unacknowledged this long: the further contact (webhook)
   * @param rewakeAfter acknowledged but still failing this long later: wake again
   * @param rampUp how long the alarm takes to rise from 40 % to full volume
   */
  public record Escalation(Duration escalateAfter, Duration contactAfter, Duration rewakeAfter, Duration rampUp) {
    public static final Escalation DEFAULT =
        new Escalation(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(2));
  }

  /** {@code count} or more alerts within {@code within} make one storm: one alarm, one notification listing them. */
  public record Storm(int count, Duration within) {
    public static final Storm DEFAULT = new Storm(5, Duration.ofMinutes(2));
  }

  /**
   * Where notifications go besides the desktop. Each is null when not configured. Values are already
   * env-substituted and may be secrets: never log them.
   */
  public record Channels(Ntfy ntfy, Pushover pushover, Webhook webhook, Healthchecks healthchecks) {
    public static final Channels NONE = new Channels(null, null, null, null);

    public boolean hasPhone() {
      return ntfy != null || pushover != null;
    }
  }

  /**
   * @param replyTopic where the Acknowledge button of an urgent page publishes, on the same server; Vigil reads it
   *     (default the topic + {@code -ack})
   */
  public record Ntfy(String url, String topic, String token, String replyTopic) {
    public Ntfy(String url, String topic, String token) {
      this(url, topic, token, topic + "-ack");
    }
  }

  /** @param api the API base, {@code https://api.pushover.net} unless overridden (tests) */
  public record Pushover(String token, String user, String api) {}

  public record Webhook(String url) {}

  /** An outbound heartbeat (dead-man's switch): GET {@code url} every {@code every}. */
  public record Healthchecks(String url, Duration every) {}
}
