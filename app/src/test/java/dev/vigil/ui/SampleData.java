package dev.vigil.ui;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.Severity;
import dev.vigil.store.AlertStore;
import dev.vigil.store.EngineWrites;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;

/** A believable night of alerts, written the way the engine writes them, for demos, screenshots and view tests. */
public final class SampleData {
  static final String[] MONITORS = {"payments-api", "checkout-latency", "search-cluster", "login", "cdn-edge", "mail-relay"};

  private SampleData() {}

  /** Fires one alert {@code count} times, as the engine would, and returns it. */
  public static Alert fire(AlertStore store, String monitor, Severity s, Instant first, long count, String summary, String url) {
    return store.transaction(w -> fire(w, monitor, s, first, count, summary, url));
  }

  static Alert fire(EngineWrites w, String monitor, Severity s, Instant first, long count, String summary, String url) {
    String fingerprint = monitor + "@" + first.toEpochMilli();
    Map<String, String> labels = url == null ? Map.of("team", "core") : Map.of("team", "core", "url", url);
    Alert a = w.fire(fingerprint, monitor, s, summary, labels, first);
    for (int i = 1; i < count; i++) a = w.repeat(fingerprint, summary, first.plus(Duration.ofMinutes(i))).orElseThrow();
    return a;
  }

  public static void fill(AlertStore store, Instant now) {
    fire(store, "payments-api", Severity.CRITICAL, now.minus(Duration.ofMinutes(37)), 14, "status: status (503) == 200", "https://pay.example/health");
    fire(store, "checkout-latency", Severity.WARNING, now.minus(Duration.ofMinutes(12)), 5, "latency: latency (1240ms) < 800ms", "https://checkout.example/health");
    Alert search = fire(store, "search-cluster", Severity.CRITICAL, now.minus(Duration.ofHours(2)), 48,
        "json: $.status (\"DEGRADED\") == \"UP\"", "https://search.example/_health");
    store.addEvent(new AlertEvent(search.id(), now.minus(Duration.ofMinutes(119)), "notified", "sound: critical, overnight", "engine"));
    store.acknowledge(search.id(), "Known: reindex running, ETA 04:00", "anna", now.minus(Duration.ofMinutes(110)));
    Alert backup = fire(store, "nightly-backup", Severity.WARNING, now.minus(Duration.ofHours(5)), 1, "no heartbeat for 25 h (every 24h + grace 1h)", null);
    store.snooze(backup.id(), now.plus(Duration.ofHours(3)), "desktop", now.minus(Duration.ofHours(4)));
    Random random = new Random(7);
    for (int i = 0; i < 600; i++) {
      Instant first = now.minus(Duration.ofMinutes(90L + i * 67L));
      String monitor = MONITORS[random.nextInt(MONITORS.length)];
      Alert a = fire(store, monitor, i % 4 == 0 ? Severity.CRITICAL : Severity.WARNING, first, 1,
          i % 3 == 0 ? "status: status (502) == 200" : "latency: latency (" + (900 + random.nextInt(900)) + "ms) < 800ms", null);
      store.acknowledge(a.id(), i % 5 == 0 ? "looking" : null, "desktop", first.plus(Duration.ofMinutes(2 + random.nextInt(9))));
      store.resolve(a.id(), null, "engine", first.plus(Duration.ofMinutes(10 + random.nextInt(50))));
    }
    store.transaction(w -> {
      for (String monitor : MONITORS) {
        for (int m = 0; m < 7 * 24 * 60; m += 5) {
          Instant minute = now.minus(Duration.ofMinutes(m)).truncatedTo(ChronoUnit.MINUTES);
          boolean bad = random.nextInt(100) < 3;
          long latency = 120 + random.nextInt(80) + (bad ? 900 : 0) + (long) (60 * Math.sin(m / 180.0));
          w.recordCheck(monitor, minute, !bad, Duration.ofMillis(latency));
          w.recordCheck(monitor, minute.plusSeconds(30), true, Duration.ofMillis(latency - 20));
        }
      }
      return null;
    });
  }
}
