package dev.vigil.cli;

import dev.vigil.config.Durations;
import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The headless demo's terminal: one readable line per alert change, e.g.
 * {@code 02:14:07 FIRED     critical partner-sms: timeout: latency (1503ms) < 800ms}. A repeat is shown only when
 * the failure changed (a slow service that now answers 503), not when only a latency changed; the pipeline thread never waits for the terminal.
 */
final class DemoLines implements AlertListener, AutoCloseable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PrintWriter out;
  private final ZoneId zone;
  private final Map<Long, String> lastSummary = new ConcurrentHashMap<>();
  private final ExecutorService terminal = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "vigil-demo-terminal");
    t.setDaemon(true);
    return t;
  });

  DemoLines(PrintWriter out, ZoneId zone) {
    this.out = out;
    this.zone = zone;
  }

  @Override
  public void onChange(AlertChange change) {
    String line = line(change, zone, lastSummary);
    if (line != null) print(line);
  }

  /** A scene's caption, e.g. {@code 02:14:02 -- Scene 2, a flapping service: ...}. */
  void narrate(Instant at, String caption) {
    print(TIME.format(at.atZone(zone)) + " -- " + caption);
  }

  /** The line for a change, or null when it says nothing new. */
  static String line(AlertChange change, ZoneId zone, Map<Long, String> lastSummary) {
    Alert a = change.alert();
    String head = TIME.format(change.at().atZone(zone)) + " " + "%-9s".formatted(change.kind().name()) + " "
        + a.severity().label() + " " + a.monitor();
    return switch (change.kind()) {
      case FIRED -> {
        lastSummary.put(a.id(), shape(a.summary()));
        yield head + ": " + a.summary();
      }
      case REOPENED -> {
        lastSummary.put(a.id(), shape(a.summary()));
        yield head + " (" + a.reopens() + "x): " + a.summary();
      }
      case REPEATED -> {
        String before = lastSummary.put(a.id(), shape(a.summary()));
        yield shape(a.summary()).equals(before) ? null : head + ": now " + a.summary();
      }
      case RESOLVED -> {
        lastSummary.remove(a.id());
        Instant end = a.resolvedAt() != null ? a.resolvedAt() : change.at();
        yield head + " after " + human(Duration.between(a.firstSeen(), end)) + " (" + a.count() + " failed checks)";
      }
      case ACKNOWLEDGED, SNOOZED, SNOOZE_ENDED -> head;
    };
  }

  /** A summary without its numbers: 1503ms and 1498ms are the same failure, 429 and 503 are not. */
  private static String shape(String summary) {
    return summary.replaceAll("\\(\\d+ms\\)", "(ms)");
  }

  static String human(Duration d) {
    return Durations.rough(d.isNegative() ? Duration.ZERO : d);
  }

  private void print(String line) {
    terminal.execute(() -> {
      out.println(line);
      out.flush();
    });
  }

  @Override
  public void close() {
    terminal.shutdown();
  }
}
