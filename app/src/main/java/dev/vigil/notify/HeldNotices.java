package dev.vigil.notify;

import dev.vigil.alert.Alert;
import dev.vigil.policy.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was held back to be told later: alerts held overnight for the morning digest, and notifications held by
 * quiet mode for the summary when it ends. Guarded by the {@link Notifier}'s monitor.
 */
final class HeldNotices {
  private final Deliveries deliveries;
  private final Channel desktop;
  private final Map<Long, Alert> overnight = new LinkedHashMap<>();
  private final List<String> byQuiet = new ArrayList<>();

  HeldNotices(Deliveries deliveries, Channel desktop) {
    this.deliveries = deliveries;
    this.desktop = desktop;
  }

  /** Holds an alert for the morning digest. */
  void holdOvernight(Alert alert) {
    overnight.put(alert.id(), alert);
  }

  /** A held alert resolved: the digest says so. */
  void resolved(Alert alert) {
    if (overnight.containsKey(alert.id())) overnight.put(alert.id(), alert);
  }

  /** Notes a notification quiet mode held back, for the summary when it ends. */
  void heldByQuiet(Alert alert) {
    byQuiet.add(alert.severity().label() + " " + alert.monitor() + ": " + alert.summary());
  }

  List<Alert> overnight() {
    return List.copyOf(overnight.values());
  }

  /** The morning digest of the alerts held overnight, if any. */
  void digest(Instant now) {
    if (overnight.isEmpty()) return;
    List<String> lines = overnight.values().stream()
        .map(a -> a.severity().label() + " " + a.monitor() + ": " + a.summary() + (a.isOpen() ? "" : " (resolved)"))
        .toList();
    int n = lines.size();
    overnight.clear();
    deliveries.deliverRecorded("digest", Level.DIGEST, desktop,
        new Message(null, "Overnight: " + n + (n == 1 ? " alert" : " alerts") + " held for the morning", String.join("\n", lines), false),
        now, null, "morning digest: " + n + (n == 1 ? " alert" : " alerts") + " held overnight");
  }

  /** Quiet mode ended: what it held back, or that nothing happened. */
  void quietSummary(Instant now) {
    int n = byQuiet.size();
    String reason = "quiet mode ended: " + n + (n == 1 ? " notification" : " notifications") + " held back";
    deliveries.deliverRecorded("desktop", Level.NOTIFY, desktop,
        new Message(null, "Quiet mode ended", n == 0 ? "Nothing happened." : String.join("\n", byQuiet), false), now, null, reason);
    byQuiet.clear();
  }
}
