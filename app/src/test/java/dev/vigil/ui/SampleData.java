package dev.vigil.ui;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.store.MinuteStat;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/** A believable night of alerts for demos and screenshots. */
public final class SampleData {
  private SampleData() {}

  public static FakeStore fill(FakeStore store, Instant now) {
    store.add(alert(1, "payments-api", Severity.CRITICAL, AlertState.FIRING, now.minus(Duration.ofMinutes(37)), 14,
        "status: status (503) == 200", "https://pay.example/health"));
    store.add(alert(2, "checkout-latency", Severity.WARNING, AlertState.FIRING, now.minus(Duration.ofMinutes(12)), 5,
        "latency: latency (1240ms) < 800ms", "https://checkout.example/health"));
    store.add(alert(3, "search-cluster", Severity.CRITICAL, AlertState.ACKNOWLEDGED, now.minus(Duration.ofHours(2)), 48,
        "json: $.status (\"DEGRADED\") == \"UP\"", "https://search.example/_health"));
    store.add(alert(4, "nightly-backup", Severity.WARNING, AlertState.ACKNOWLEDGED, now.minus(Duration.ofHours(5)), 1,
        "no heartbeat for 25 h (every 24h + grace 1h)", null));
    store.snooze(4, now.plus(Duration.ofHours(3)), "desktop", now.minus(Duration.ofHours(4)));
    store.addEvent(new AlertEvent(3, now.minus(Duration.ofMinutes(118)), "notified", "sound: critical, overnight", "engine"));
    store.acknowledge(3, "Known: reindex running, ETA 04:00", "anna", now.minus(Duration.ofMinutes(110)));
    String[] monitors = {"payments-api", "checkout-latency", "search-cluster", "login", "cdn-edge", "mail-relay"};
    Random random = new Random(7);
    for (int i = 0; i < 600; i++) {
      Instant first = now.minus(Duration.ofMinutes(90L + i * 67L));
      String monitor = monitors[random.nextInt(monitors.length)];
      Alert a = alert(100 + i, monitor, i % 4 == 0 ? Severity.CRITICAL : Severity.WARNING, AlertState.FIRING, first, 1 + random.nextInt(30),
          i % 3 == 0 ? "status: status (502) == 200" : "latency: latency (" + (900 + random.nextInt(900)) + "ms) < 800ms", null);
      store.add(a);
      store.acknowledge(a.id(), i % 5 == 0 ? "looking" : null, "desktop", first.plus(Duration.ofMinutes(2 + random.nextInt(9))));
      store.resolve(a.id(), null, "engine", first.plus(Duration.ofMinutes(10 + random.nextInt(50))));
    }
    for (String monitor : monitors) {
      for (int m = 0; m < 7 * 24 * 60; m += 5) {
        Instant minute = now.minus(Duration.ofMinutes(m)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        boolean bad = random.nextInt(100) < 3;
        long latency = 120 + random.nextInt(80) + (bad ? 900 : 0) + (long) (60 * Math.sin(m / 180.0));
        store.addStat(new MinuteStat(monitor, minute, 2, bad ? 1 : 0, latency * 2, latency + 40));
      }
    }
    return store;
  }

  static Alert alert(long id, String monitor, Severity s, AlertState state, Instant first, long count, String summary, String url) {
    return new Alert(id, "fp-" + id, monitor, s, state, first, first.plus(Duration.ofMinutes(count)), null, count, summary,
        url == null ? Map.of("team", "core") : Map.of("team", "core", "url", url), null);
  }
}
