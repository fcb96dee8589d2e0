package dev.vigil.notify;

import dev.vigil.state.NetworkSense;
import dev.vigil.policy.Decision;
import dev.vigil.config.Durations;
import dev.vigil.policy.Level;
import dev.vigil.policy.Outcome;
import dev.vigil.policy.QuietMode;
import dev.vigil.policy.Silence;
import dev.vigil.policy.StormDetector;
import dev.vigil.policy.Times;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that stand for more than one alert: a storm, a flapping monitor, this machine's network going down and
 * coming back; and Vigil's own warnings: a silence about to end, no sound for the night. Guarded by the
 * {@link Notifier}'s monitor.
 */
final class Notices {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class); // one log for all of noise control
  static final Duration SILENCE_REMINDER = Duration.ofMinutes(5);

  private final PolicyInForce rules;
  private final Deliveries deliveries;
  private final Channel desktop;
  private final Executor io;
  private final Supplier<Optional<String>> audioCheck;
  private final Supplier<Optional<NetworkSense.Offline>> networkDown;
  private String networkWasDown;
  private final Set<Long> reminded = new HashSet<>();

  Notices(Notifier.Builder b, PolicyInForce rules, Deliveries deliveries, Executor io) {
    this.rules = rules;
    this.deliveries = deliveries;
    this.desktop = b.desktop;
    this.io = io;
    this.audioCheck = b.audioCheck;
    this.networkDown = b.networkDown;
  }

  /** A storm started: one notice naming its monitors, loud when the alert that started it would wake. */
  void storm(StormDetector.Verdict v, Level level, Instant now) {
    List<String> monitors = v.members().stream().map(StormDetector.Member::monitor).distinct().toList();
    String within = Durations.format(rules.policy().storm().within());
    String title = "Storm: " + v.members().size() + " alerts within " + within;
    String reason = "storm: " + v.members().size() + " alerts within " + within + ": " + String.join(", ", monitors);
    deliveries.deliverRecorded("desktop", level == Level.WAKE ? Level.WAKE : Level.NOTIFY, desktop,
        new Message(null, title, String.join("\n", monitors), level == Level.WAKE), now, null, reason);
  }

  /** A monitor started or stopped flapping: told on the desktop unless quiet mode holds it back. */
  void flapping(String monitor, Instant at, String reason, String title) {
    Optional<QuietMode> q = rules.quietFor(monitor, at);
    if (q.isPresent()) {
      deliveries.record(at, null, Decision.suppressed("desktop", Level.NOTIFY, monitor + " " + reason + " (" + q.get().describe(at, rules.zone()) + ")"));
      return;
    }
    deliveries.deliverRecorded("desktop", Level.NOTIFY, desktop, new Message(null, title, reason, false), at, null, monitor + " " + reason);
  }

  /** Why this machine's network is down and which monitors that explains, or empty. */
  Optional<NetworkSense.Offline> networkDown() {
    return networkDown.get();
  }

  /** Says once that this machine's network is down (instead of paging for each monitor), and once that it is back. */
  void network(Instant now) {
    Optional<String> offline = networkDown.get().map(NetworkSense.Offline::reason);
    if (offline.isPresent() && networkWasDown == null) {
      networkWasDown = offline.get();
      deliveries.deliverRecorded("desktop", Level.NOTIFY, desktop,
          new Message(null, "This machine's network is down", offline.get(), false), now, null, offline.get());
    } else if (offline.isEmpty() && networkWasDown != null) {
      networkWasDown = null;
      deliveries.deliverRecorded("desktop", Level.NOTIFY, desktop,
          new Message(null, "Network is back", "checks reach their hosts again", false), now, null, "network is back");
    }
  }

  /** Reminds once of each silence {@link #SILENCE_REMINDER} before it ends. */
  void remindSilences(Instant now) {
    for (Silence s : rules.silences()) {
      if (s.isActive(now) && !now.isBefore(s.ends().minus(SILENCE_REMINDER)) && reminded.add(s.id())) {
        String text = "Silence #" + s.id() + (s.comment().isBlank() ? "" : " (" + s.comment() + ")") + " ends at "
            + Times.clock(s.ends(), now, rules.zone());
        deliveries.deliverRecorded("desktop", Level.NOTIFY, desktop, new Message(null, text, s.matchersText(), false), now, null,
            "silence reminder: #" + s.id() + " ends at " + Times.clock(s.ends(), now, rules.zone()));
      }
    }
  }

  /** The overnight window opened: warns when no sound can wake the person. */
  void checkAudio(Instant now) {
    io.execute(() -> audioCheck.get().ifPresent(problem -> {
      deliveries.record(now, null, new Decision("sound", Level.WAKE, Outcome.FAILED, "overnight window opened but " + problem));
      try {
        desktop.send(new Message(null, "Vigil cannot wake you", problem, true));
      } catch (IOException e) {
        LOG.warn("Cannot show the audio warning: {}", e.getMessage());
      }
    }));
  }
}
