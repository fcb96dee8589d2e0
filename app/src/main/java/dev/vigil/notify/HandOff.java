package dev.vigil.notify;

import dev.vigil.alert.Alert;
import dev.vigil.policy.Level;
import dev.vigil.policy.OnCall;
import dev.vigil.policy.Times;
import dev.vigil.store.PolicyStore;
import dev.vigil.store.ShiftFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hand-off notices for shifts: when a shift starts, what is open, what was acknowledged since the last hand-off and the
 * noisiest monitors of that time; {@link #REMINDER} before it ends, what is still open. Only with {@code oncall:}.
 * Guarded by the {@link Notifier}'s monitor. What happened since the last hand-off is read from the store
 * ({@link PolicyStore#shiftFacts}) on the I/O executor, never under the monitor, so a restart mid-shift loses nothing.
 */
final class HandOff {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class); // one log for all of noise control
  static final Duration REMINDER = Duration.ofHours(1);
  private final Deliveries deliveries;
  private final Channel desktop;
  private final PolicyStore store;
  private final Executor io;
  private Boolean wasOnCall;
  private Instant remindedFor;

  HandOff(Deliveries deliveries, Channel desktop, PolicyStore store, Executor io) {
    this.deliveries = deliveries;
    this.desktop = desktop;
    this.store = store;
    this.io = io;
  }

  void tick(Instant now, OnCall onCall, Collection<Alert> open, ZoneId zone) {
    if (onCall.source().equals("always")) return;
    OnCall.Status s = onCall.at(now);
    if (Boolean.FALSE.equals(wasOnCall) && s.onCall()) started(now, s, onCall.previousStart(now), open, zone);
    wasOnCall = s.onCall();
    if (s.onCall() && s.until() != null && !now.isBefore(s.until().minus(REMINDER)) && !s.until().equals(remindedFor)) {
      remindedFor = s.until();
      String ends = Times.clock(s.until(), now, zone);
      String body = open.isEmpty() ? "Nothing is open." : open.size() + " still open: " + monitors(open);
      deliveries.deliverRecorded("desktop", Level.NOTIFY, desktop, new Message(null, "Your shift ends at " + ends, body, false), now,
          null, "hand-off reminder: shift ends at " + ends + "; " + (open.isEmpty() ? "nothing open" : open.size() + " open"));
    }
  }

  /** The shift started: the summary is read from the store and sent on the I/O executor. */
  private void started(Instant now, OnCall.Status s, Instant previousShift, Collection<Alert> open, ZoneId zone) {
    String title = "On call now" + (s.until() == null ? "" : " until " + OnCall.dayClock(s.until(), zone));
    String openLine = open.isEmpty() ? "Nothing is open." : open.size() + " open: " + monitors(open);
    io.execute(() -> {
      String since;
      try {
        since = since(store.shiftFacts(previousShift, now));
      } catch (RuntimeException e) {
        LOG.warn("Cannot read the alerts since the last hand-off: {}", e.getMessage());
        since = "Cannot read what happened since the last hand-off: " + e.getMessage();
      }
      deliveries.deliverRecorded("desktop", Level.NOTIFY, desktop, new Message(null, title, openLine + "\n" + since, false),
          now, null, ShiftFacts.HAND_OFF + title + "; " + (open.isEmpty() ? "nothing open" : open.size() + " open"));
    });
  }

  /** The acknowledged line and the noisiest line of the summary. */
  private static String since(ShiftFacts f) {
    String ackLine = f.acknowledged().isEmpty() ? "Nothing acknowledged since the last hand-off."
        : "Acknowledged since the last hand-off: " + String.join(", ", f.acknowledged());
    List<String> noisiest = f.fired().entrySet().stream().limit(3).map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
    String noisyLine = noisiest.isEmpty() ? "No alerts fired since the last hand-off." : "Noisiest: " + String.join(", ", noisiest);
    return ackLine + "\n" + noisyLine;
  }

  /** The monitors of the alerts, each once: {@code db, api}. */
  static String monitors(Collection<Alert> open) {
    return open.stream().map(Alert::monitor).distinct().collect(Collectors.joining(", "));
  }
}
