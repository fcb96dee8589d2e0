package dev.vigil.ui;

import dev.vigil.engine.WatchStatus;
import dev.vigil.alert.AlertListener;
import dev.vigil.store.AlertDesk;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A DesktopContext over any store, recording what the UI asked of the engine. */
public final class FakeContext implements DesktopContext {
  public final AlertDesk store;
  public final Path rules;
  public Clock clock = Clock.fixed(Samples.T0.plusSeconds(37 * 60), ZoneId.of("Europe/Berlin"));
  public volatile QuietStatus quiet = QuietStatus.OFF;
  public volatile WatchStatus watch = WatchStatus.WATCHING;
  /** The noise rules; null means the default policy in the clock's zone with no quiet mode and no silences. */
  public volatile NoiseRules noise;
  public final List<String> calls = new CopyOnWriteArrayList<>();
  public final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
  /** What the monitors board shows. */
  public volatile List<dev.vigil.engine.MonitorRow> board = List.of();

  public FakeContext(AlertDesk store, Path rules) {
    this.store = store;
    this.rules = rules;
  }

  @Override public AlertDesk store() { return store; }

  @Override public AutoCloseable subscribe(AlertListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override public Path rulesFolder() { return rules; }

  @Override public ZoneId zone() { return clock.getZone(); }

  @Override public Clock clock() { return clock; }

  @Override public QuietControl quiet() {
    return new QuietControl() {
      @Override public void quietFor(Duration d) { calls.add("quietFor " + d); quiet = QuietStatus.until(clock.instant().plus(d)); }
      @Override public void quietUntilMorning() { calls.add("quietUntilMorning"); quiet = QuietStatus.until(Instant.parse("2026-11-25T07:00:00Z")); }
      @Override public void quietOff() { calls.add("quietOff"); quiet = QuietStatus.OFF; }
      @Override public QuietStatus quietStatus() { return quiet; }
    };
  }

  @Override public void silenceMonitor(String monitorId, Duration duration) { calls.add("silence " + monitorId + " " + duration); }

  @Override public WatchStatus watchStatus() { return watch; }

  @Override public List<dev.vigil.engine.MonitorRow> monitors() { return board; }

  @Override public void checkNow(String monitorId) { calls.add("checkNow " + monitorId); }

  @Override public boolean pauseMonitor(String monitorId, Instant until) {
    calls.add("pause " + monitorId + " until " + until);
    return true;
  }

  @Override public boolean resumeMonitor(String monitorId) {
    calls.add("resume " + monitorId);
    return true;
  }

  private NoiseRules calm;

  @Override public NoiseRules noiseRules() {
    if (noise != null) return noise;
    if (calm == null || !calm.policy().zone().equals(clock.getZone())) calm = NoiseRules.calm(clock.getZone());
    return calm; // the same rules each call, as the app gives while its policy is unchanged
  }

  @Override public void testSound() { calls.add("testSound"); }

  @Override public void setAutostart(boolean on) { calls.add("autostart " + on); }

  @Override public void shutdown() { calls.add("shutdown"); }
}
