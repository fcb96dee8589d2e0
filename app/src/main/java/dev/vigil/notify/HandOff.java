package dev.vigil.notify;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.policy.Level;
import dev.vigil.policy.OnCall;
import dev.vigil.policy.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hand-off notices for shifts: when a shift starts, what is open, what was acknowledged since the last hand-off and the
 * noisiest monitors of that time; {@link #REMINDER} before it ends, what is still open. Only with {@code oncall:}.
 * Guarded by the {@link Notifier}'s monitor. What happened since the last hand-off is counted while Vigil runs.
 */
final class HandOff {
  static final Duration REMINDER = Duration.ofHours(1);
  private final Deliveries deliveries;
  private final Channel desktop;
  private Boolean wasOnCall;
  private Instant remindedFor;
  private final Set<String> acknowledged = new LinkedHashSet<>();
  private final Map<String, Integer> fired = new LinkedHashMap<>();

  HandOff(Deliveries deliveries, Channel desktop) {
    this.deliveries = deliveries;
    this.desktop = desktop;
  }

  /** Counts what the hand-off will tell: alerts fired and acknowledged. */
  void observe(AlertChange change) {
    String monitor = change.alert().monitor();
    if (change.kind() == AlertChange.Kind.FIRED) fired.merge(monitor, 1, Integer::sum);
    if (change.kind() == AlertChange.Kind.ACKNOWLEDGED) acknowledged.add(monitor);
  }

  void tick(Instant now, OnCall onCall, Collection<Alert> open, ZoneId zone) {
    if (onCall.source().equals("always")) return;
    OnCall.Status s = onCall.at(now);
    if (Boolean.FALSE.equals(wasOnCall) && s.onCall()) started(now, s, open, zone);
    wasOnCall = s.onCall();
    if (s.onCall() && s.until() != null && !now.isBefore(s.until().minus(REMINDER)) && !s.until().equals(remindedFor)) {
      remindedFor = s.until();
      String ends = Times.clock(s.until(), now, zone);
      String body = open.isEmpty() ? "Nothing is open." : open.size() + " still open: " + monitors(open);
      deliveries.deliverRecorded("desktop", Level.NOTIFY, desktop, new Message(null, "Your shift ends at " + ends, body, false), now,
          null, "hand-off reminder: shift ends at " + ends + "; " + (open.isEmpty() ? "nothing open" : open.size() + " open"));
    }
  }

  private void started(Instant now, OnCall.Status s, Collection<Alert> open, ZoneId zone) {
    String title = "On call now" + (s.until() == null ? "" : " until " + OnCall.dayClock(s.until(), zone));
    String openLine = open.isEmpty() ? "Nothing is open." : open.size() + " open: " + monitors(open);
    String ackLine = acknowledged.isEmpty() ? "Nothing acknowledged since the last hand-off."
        : "Acknowledged since the last hand-off: " + String.join(", ", acknowledged);
    List<String> noisiest = fired.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3)
        .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
    String noisyLine = noisiest.isEmpty() ? "No alerts fired since the last hand-off." : "Noisiest: " + String.join(", ", noisiest);
    deliveries.deliverRecorded("desktop", Level.NOTIFY, desktop, new Message(null, title, openLine + "\n" + ackLine + "\n" + noisyLine, false),
        now, null, "hand-off: " + title + "; " + (open.isEmpty() ? "nothing open" : open.size() + " open"));
    acknowledged.clear();
    fired.clear();
  }

  private static String monitors(Collection<Alert> open) {
    return open.stream().map(Alert::monitor).distinct().collect(Collectors.joining(", "));
  }
}
