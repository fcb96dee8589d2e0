package dev.vigil.app;

import dev.vigil.alert.AlertListener;
import dev.vigil.engine.WatchStatus;
import dev.vigil.notify.Alarm;
import dev.vigil.os.Autostart;
import dev.vigil.policy.Policy;
import dev.vigil.policy.QuietMode;
import dev.vigil.policy.Silence;
import dev.vigil.rules.RuleSet;
import dev.vigil.store.AlertDesk;
import dev.vigil.ui.DesktopContext;
import dev.vigil.ui.NoiseRules;
import dev.vigil.ui.QuietControl;
import dev.vigil.ui.QuietStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop's view of a running {@link Watch}: the store, live changes, quiet mode, silences, autostart. */
public final class DesktopSession implements DesktopContext {
  private static final Logger log = LoggerFactory.getLogger(DesktopSession.class);

  private final Watch watch;
  private final Path rulesDir;
  private final Alarm alarm;
  private final Autostart autostart;
  private final Runnable onQuit;
  private volatile Parsed parsed;

  /**
   * @param alarm the sound the settings page's "Test sound" plays (the notifier's own)
   * @param onQuit ends the process's watch (the tray's Quit)
   */
  public DesktopSession(Watch watch, Path rulesDir, Alarm alarm, Autostart autostart, Runnable onQuit) {
    this.watch = watch;
    this.rulesDir = rulesDir;
    this.alarm = alarm;
    this.autostart = autostart;
    this.onQuit = onQuit;
  }

  @Override
  public AlertDesk store() {
    return watch.store();
  }

  @Override
  public AutoCloseable subscribe(AlertListener listener) {
    watch.engine().addListener(listener);
    return () -> watch.engine().removeListener(listener);
  }

  @Override
  public java.util.List<dev.vigil.engine.MonitorRow> monitors() {
    return watch.board();
  }

  @Override
  public void checkNow(String monitorId) {
    watch.engine().checkNow(monitorId);
  }

  @Override
  public boolean pauseMonitor(String monitorId, java.time.Instant until) {
    return watch.engine().pause(monitorId, until, "desktop");
  }

  @Override
  public boolean resumeMonitor(String monitorId) {
    return watch.engine().resume(monitorId, "desktop");
  }

  @Override
  public Path rulesFolder() {
    return rulesDir;
  }

  @Override
  public ZoneId zone() {
    return policy().zone();
  }

  @Override
  public Clock clock() {
    return watch.clock();
  }

  /** The policy of the rules in force, parsed once per rules (the feed asks for quiet mode at each change and every 5 s). */
  private Policy policy() {
    return parsed().policy();
  }

  /** What the rules in force say about noise, worked out once per rules. */
  private Parsed parsed() {
    RuleSet rules = watch.engine().rules();
    Parsed last = parsed;
    if (last == null || last.rules() != rules) {
      last = new Parsed(rules, rules.policy(), Watch.breakthrough(rules));
      parsed = last;
    }
    return last;
  }

  /** The rules' policy and the monitors that break through quiet mode. */
  private record Parsed(RuleSet rules, Policy policy, Set<String> breakthrough) {}

  /**
   * Quiet mode and silences as the notifier read them (it does at every tick, and at once after a change made
   * here): the desktop feed asks at each change and every 5 s, and reading the store again would be a second set
   * of queries.
   */
  @Override
  public NoiseRules noiseRules() {
    Parsed rules = parsed();
    return new NoiseRules(rules.policy(), watch.notifier().manualQuiet().orElse(null), watch.notifier().silences(),
        rules.breakthrough(), watch.notifier().maintenanceWindows(), watch.notifier().onCall());
  }

  @Override
  public QuietControl quiet() {
    return new QuietControl() {
      @Override
      public void quietFor(Duration duration) {
        watch.policyStore().setQuiet(QuietMode.forDuration(duration, watch.clock().instant()));
        watch.notifier().refreshPolicy();
      }

      @Override
      public void quietUntilMorning() {
        Policy p = policy();
        watch.policyStore().setQuiet(QuietMode.untilMorning(watch.clock().instant(), p.overnight(), p.zone()));
        watch.notifier().refreshPolicy();
      }

      @Override
      public void quietOff() {
        watch.policyStore().clearQuiet();
        watch.notifier().refreshPolicy();
      }

      @Override
      public QuietStatus quietStatus() {
        Instant now = watch.clock().instant();
        return QuietMode.effective(watch.notifier().manualQuiet().orElse(null), policy(), now)
            .map(q -> new QuietStatus(true, q.until()))
            .orElse(QuietStatus.OFF);
      }
    };
  }

  @Override
  public void silenceMonitor(String monitorId, Duration duration) {
    Instant now = watch.clock().instant();
    watch.policyStore().addSilence(new Silence(0, Map.of("monitor", monitorId), now, now.plus(duration), "from the tray", "tray"));
    watch.notifier().refreshPolicy();
  }

  @Override
  public WatchStatus watchStatus() {
    return watch.engine().status();
  }

  @Override
  public void testSound() {
    alarm.chime();
  }

  @Override
  public boolean autostart() {
    try {
      return autostart.enabled();
    } catch (IOException e) {
      log.warn("cannot read the autostart entry at {}: {}", autostart.where(), e.getMessage());
      return false;
    }
  }

  @Override
  public void setAutostart(boolean on) {
    try {
      if (on) autostart.enable();
      else autostart.disable();
    } catch (IOException e) {
      log.warn("cannot change the autostart entry at {}: {}", autostart.where(), e.getMessage());
    }
  }

  @Override
  public void shutdown() {
    onQuit.run();
  }
}
