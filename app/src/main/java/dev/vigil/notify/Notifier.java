package dev.vigil.notify;

import dev.vigil.state.NetworkSense;
import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertListener;
import dev.vigil.alert.AlertState;
import dev.vigil.http.Web;
import dev.vigil.policy.Policy;
import dev.vigil.store.PolicyStore;
import java.time.Clock;
import java.time.Instant;
import dev.vigil.policy.QuietMode;
import dev.vigil.policy.Silence;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Noise control: hears every committed alert change, asks the {@link dev.vigil.policy.NoiseDecider}, records
 * the decision with its reason, and makes the noise: desktop notifications, the chime, the {@link WakeLadder},
 * the phone. Also the morning digest, the quiet-mode summary, storm and flapping notices, silence reminders and
 * the outbound heartbeat.
 *
 * <p>{@link #onChange} runs on the engine's pipeline thread and never blocks: sends and store writes go to
 * the I/O executor. Timers run in {@link #tick(Instant)}, called by {@link #start()}'s {@link TickTimer} (every
 * second while a ladder rings or a notice waits, else every five) or directly by tests with a virtual clock.
 *
 * <p>The work is done by package-private collaborators whose state this object's monitor guards: {@link AlertNoise}
 * (each alert change and check result), {@link Escalations} (driving the wake ladder), {@link HeldNotices} (the
 * digest and the quiet-mode summary), {@link Notices} (storm, flapping, network, silence reminders, the sound
 * check), {@link HandOff} and {@link ShiftEnd} (shifts starting and ending) and {@link PolicyInForce} (the rules, quiet
 * mode, silences and shifts); all send and record through
 * {@link Deliveries}, which any thread may call.
 */
public final class Notifier implements AlertListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final PolicyStore store;
  private final Clock clock;
  private final Alarm alarm;
  private final LongConsumer onAcknowledge;
  private final Acknowledger acknowledger;
  private final boolean phoneFromPolicy;
  private final Deliveries deliveries;
  private final Executor io;
  private final ExecutorService ownedIo;
  private final PolicyInForce rules;
  private final Escalations escalations;
  private final HeldNotices held;
  private final Notices notices;
  private final AlertNoise noise;
  private final HandOff handOff;
  private final ShiftEnd shiftEnd;
  private final Web web;
  private TickTimer ticker;

  // guarded by this
  private OutboundHeartbeat heartbeat;
  private NtfyReplies replies;
  private boolean listening;
  private Boolean wasOvernight;
  private Boolean wasQuiet;

  private Notifier(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.web = b.web();
    this.rules = new PolicyInForce(b.policy, b.breakthrough);
    this.alarm = b.alarm;
    this.onAcknowledge = b.onAcknowledge;
    this.acknowledger = b.acknowledger;
    this.phoneFromPolicy = b.ntfy == null && b.pushover == null && b.webhook == null;
    this.ownedIo = b.io == null ? Executors.newCachedThreadPool(daemon("vigil-notify-io")) : null;
    this.io = b.io != null ? b.io : ownedIo;
    Deliveries deliveries = new Deliveries(store, clock, io);
    this.deliveries = deliveries;
    Dependents dependents = new Dependents();
    this.escalations = new Escalations(b, this, rules, deliveries, io, dependents);
    escalations.onPhoneAcknowledged(id -> acknowledge(id, "phone"));
    this.held = new HeldNotices(deliveries, b.desktop);
    this.notices = new Notices(b, rules, deliveries, io);
    this.handOff = new HandOff(deliveries, b.desktop, store, io);
    this.noise = new AlertNoise(b, rules, deliveries, escalations, held, notices, dependents);
    this.shiftEnd = new ShiftEnd(rules, deliveries, b.desktop, escalations, noise);
    this.heartbeat = b.policy.channels().healthchecks() == null ? null
        : new OutboundHeartbeat(b.policy.channels().healthchecks(), web);
    rules.refresh(store, clock.instant());
  }

  public static Builder builder(Policy policy, PolicyStore store, Clock clock) {
    return new Builder(policy, store, clock);
  }

  /** Starts the timer (ladder steps, windows, quiet mode and silences read from the store); see {@link TickTimer}. */
  public synchronized void start() {
    if (ticker != null) return;
    listenForPhoneReplies();
    ticker = new TickTimer("vigil-notify-timer", () -> tick(clock.instant()), this::busy);
  }

  /**
   * Something needs a tick each second: a ladder runs (its steps, a pushover receipt), a notification waits out its
   * group wait, or an alert the end of its maintenance window.
   */
  synchronized boolean busy() {
    return escalations.ringing() || noise.waiting();
  }

  /** Something may need a tick each second now: the next comes within a second. */
  private synchronized void tickSoon() {
    if (ticker != null) ticker.soon();
  }

  /** New rules: the policy and the monitors that break through quiet mode. */
  public synchronized void update(Policy newPolicy, Set<String> breakthroughMonitors) {
    rules.update(newPolicy, breakthroughMonitors);
    escalations.update(newPolicy);
    noise.update(newPolicy);
    this.heartbeat = newPolicy.channels().healthchecks() == null ? null
        : new OutboundHeartbeat(newPolicy.channels().healthchecks(), web);
    if (listening) listenForPhoneReplies();
    tickSoon();
  }

  // ---------------------------------------------------------------- acknowledge from the phone

  /**
   * Reads the ntfy reply topic (policy {@code channels.ntfy.replyTopic}) for the pages' Acknowledge buttons, from now
   * until {@link #close}; a new policy with another ntfy server or topic reconnects. {@link #start} calls it.
   */
  public synchronized void listenForPhoneReplies() {
    listening = true;
    Policy.Ntfy want = phoneFromPolicy ? rules.policy().channels().ntfy() : null;
    if (replies != null && replies.config().equals(want)) return;
    if (replies != null) replies.close();
    replies = want == null || want.replyTopic() == null ? null
        : new NtfyReplies(want, web, store.phoneAcks(), clock, new NtfyReplies.Listener() {
          @Override
          public void acknowledged(long alertId, Instant at) {
            acknowledge(alertId, "phone");
          }

          @Override
          public void refused(Long alertId, String why, Instant at) {
            deliveries.record(at, alertId, dev.vigil.policy.Decision.suppressed("ntfy", dev.vigil.policy.Level.WAKE,
                "phone reply refused: " + why));
          }
        }).start();
  }

  /** The scheduled maintenance windows of the rules ({@code maintenance:}). */
  public synchronized void maintenance(List<dev.vigil.policy.MaintenanceRule> windows) {
    rules.maintenance(windows.stream().map(dev.vigil.policy.MaintenanceWindow::new).toList());
    tickSoon();
  }

  // ---------------------------------------------------------------- alert changes and check results

  @Override
  public synchronized void onChange(AlertChange change) {
    noise.change(change);
    tickSoon();
  }

  /** One check result of a monitor, for flapping detection (the engine calls this per check). */
  public synchronized void observeCheck(String monitor, boolean up, Instant at) {
    noise.checked(monitor, up, at);
    if (busy()) tickSoon(); // a dependent released, a flapping monitor's alarm: the next tick within a second
  }

  // ---------------------------------------------------------------- acknowledge from the desktop

  /**
   * The person acknowledged here (notification action, acknowledge window, tray): the alarm stops at once and
   * the engine is asked to record it. Safe from any thread.
   */
  public void acknowledge(long alertId) {
    acknowledge(alertId, "desktop");
  }

  /** An acknowledgement by {@code actor} ("desktop", "phone"): the alarm stops at once, then the store records it. */
  public void acknowledge(long alertId, String actor) {
    synchronized (this) {
      escalations.stop(alertId, clock.instant(), true);
    }
    if (acknowledger != null) io.execute(() -> acknowledger.acknowledge(alertId, actor));
    else if (onAcknowledge != null) io.execute(() -> onAcknowledge.accept(alertId));
  }

  // ---------------------------------------------------------------- restart

  /**
   * After a restart: resumes every persisted ladder whose alert is still open and firing (confirm, then the
   * alarm; phone steps already taken are not repeated). Acknowledged alerts never sound at start-up.
   */
  public synchronized void resume(List<Alert> openAlerts, Instant now) {
    noise.restored(openAlerts);
    escalations.resume(openAlerts, now);
    undecided(openAlerts).forEach(a -> noise.change(new AlertChange(AlertChange.Kind.FIRED, a, now)));
    tickSoon();
  }

  /**
   * Firing alerts with no decision recorded: committed by the engine just before a crash, before the notifier
   * could decide (and persist a ladder). They are decided now, or they would never make a sound.
   */
  private List<Alert> undecided(List<Alert> openAlerts) {
    List<Alert> firing = openAlerts.stream().filter(a -> a.state() == AlertState.FIRING).toList();
    if (firing.isEmpty()) return List.of();
    Instant oldest = firing.stream().map(Alert::firstSeen).min(Instant::compareTo).orElseThrow();
    Set<Long> decided = store.alertsDecidedSince(oldest);
    return firing.stream().filter(a -> !decided.contains(a.id())).toList();
  }

  // ---------------------------------------------------------------- timers

  /** Runs every timer due at {@code now}: ladder steps, digest, quiet summary, reminders, heartbeat. */
  public void tick(Instant now) {
    rules.refresh(store, now);
    synchronized (this) {
      noise.maintenanceEnded(now);
      handOff.tick(now, rules.onCall(), noise.openAlerts(), rules.zone());
      noise.flush(now);
      shiftEnd.tick(now);
      escalations.run(now);
      boolean overnight = rules.isOvernight(now);
      if (Boolean.TRUE.equals(wasOvernight) && !overnight) held.digest(now);
      if (Boolean.FALSE.equals(wasOvernight) && overnight) notices.checkAudio(now);
      wasOvernight = overnight;
      boolean quiet = rules.quiet(now).isPresent();
      if (Boolean.TRUE.equals(wasQuiet) && !quiet) held.quietSummary(now);
      wasQuiet = quiet;
      notices.remindSilences(now);
      notices.network(now);
      OutboundHeartbeat hb = heartbeat;
      if (hb != null && hb.due(now)) io.execute(hb::ping);
    }
  }

  /**
   * Manual quiet mode as the notifier last read it from the store (at every tick, and at {@link #refreshPolicy}):
   * the desktop shows this instead of reading the store again each second.
   */
  public Optional<QuietMode> manualQuiet() {
    return Optional.ofNullable(rules.manualQuiet());
  }

  /** The silences not yet ended when the notifier last read them (see {@link #manualQuiet}). */
  public List<Silence> silences() {
    return rules.silences();
  }

  /** When the person is on call: a rotation, or a calendar's shifts (see {@code shift.Shifts}); any thread. */
  public void onCall(dev.vigil.policy.OnCall shifts) {
    rules.onCall(shifts);
    tickSoon();
  }

  /** When the person is on call, as the notifier decides by it. */
  public dev.vigil.policy.OnCall onCall() {
    return rules.onCall();
  }

  /** The maintenance windows in force (see {@link #maintenance}). */
  public synchronized List<dev.vigil.policy.MaintenanceWindow> maintenanceWindows() {
    return rules.maintenanceWindows();
  }

  /** Reads quiet mode and silences now: this process just changed them. */
  public void refreshPolicy() {
    rules.refresh(store, clock.instant());
    tickSoon();
  }

  /** The alerts on the wake ladder now, for the tray and tests. */
  public synchronized List<WakeLadder.Rung> ladder() {
    return List.copyOf(escalations.rungs());
  }

  /** Held for the morning digest. */
  public synchronized List<Alert> held() {
    return held.overnight();
  }

  @Override
  public void close() {
    TickTimer t;
    synchronized (this) {
      t = ticker;
      ticker = null;
    }
    if (t != null) t.close();
    synchronized (this) {
      if (replies != null) replies.close();
      replies = null;
      listening = false;
    }
    alarm.stop();
    if (ownedIo != null) ownedIo.shutdown();
  }

  /** Daemon threads with this name (the notifier's I/O and timer threads). */
  static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Records an acknowledgement made through the notifier (the desktop, the phone) in the store. */
  @FunctionalInterface
  public interface Acknowledger {
    void acknowledge(long alertId, String actor);
  }

  /** Collaborators; everything but the policy, store and clock has a headless default. */
  public static final class Builder {
    // package-private: the collaborators take what they need from here
    final Policy policy;
    final PolicyStore store;
    final Clock clock;
    Channel desktop = m -> {
      LoggerFactory.getLogger(Notifier.class).info("Notification: {}: {}", m.title(), m.body());
      return Optional.empty();
    };
    Alarm alarm = Alarm.SILENT;
    AckWindow ackWindow = AckWindow.LOG;
    Function<String, CompletableFuture<Boolean>> confirm;
    LongConsumer onAcknowledge;
    Acknowledger acknowledger;
    private Web web;
    Executor io;
    Set<String> breakthrough = Set.of();
    Supplier<Optional<String>> audioCheck = AudioCheck::problem;
    Supplier<Optional<NetworkSense.Offline>> networkDown = Optional::empty;
    Channel ntfy;
    PushoverChannel pushover;
    Channel webhook;

    private Builder(Policy policy, PolicyStore store, Clock clock) {
      this.policy = Objects.requireNonNull(policy, "policy");
      this.store = Objects.requireNonNull(store, "store");
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The desktop channel: a {@link DesktopNotifier}, or the tray's message on other systems. */
    public Builder desktop(Channel c) {
      this.desktop = c;
      return this;
    }

    public Builder alarm(Alarm a) {
      this.alarm = a;
      return this;
    }

    public Builder ackWindow(AckWindow w) {
      this.ackWindow = w;
      return this;
    }

    /** Confirm before waking: a fresh check (new connection) of the monitor; true when it still fails. */
    public Builder confirm(Function<String, CompletableFuture<Boolean>> freshCheckStillFailing) {
      this.confirm = freshCheckStillFailing;
      return this;
    }

    /** How an acknowledgement made here reaches the store (the engine acknowledges and publishes it). */
    public Builder onAcknowledge(LongConsumer acknowledge) {
      this.onAcknowledge = acknowledge;
      return this;
    }

    /** How an acknowledgement made here or on the phone reaches the store, with who made it. */
    public Builder acknowledger(Acknowledger a) {
      this.acknowledger = a;
      return this;
    }

    /** Where sends and store writes run; a daemon pool by default, {@code Runnable::run} in tests. */
    public Builder io(Executor executor) {
      this.io = executor;
      return this;
    }

    public Builder breakthrough(Set<String> monitors) {
      this.breakthrough = monitors;
      return this;
    }

    public Builder audioCheck(Supplier<Optional<String>> check) {
      this.audioCheck = check;
      return this;
    }

    /** Why this machine's network is down (every monitor unreachable), or empty; checked on every alert and tick. */
    public Builder networkDown(Supplier<Optional<NetworkSense.Offline>> reason) {
      this.networkDown = reason;
      return this;
    }

    /** Overrides the phone and contact channels the policy configures (tests). */
    public Builder phone(Channel ntfyChannel, PushoverChannel pushoverChannel, Channel webhookChannel) {
      this.ntfy = ntfyChannel;
      this.pushover = pushoverChannel;
      this.webhook = webhookChannel;
      return this;
    }

    /** The process's one outbound HTTP client, for the phone channels, the reply topic and the heartbeat. */
    public Builder web(Web web) {
      this.web = web;
      return this;
    }

    /** The client given, or one made for this notifier (tests, the drill). */
    Web web() {
      if (web == null) web = Web.create();
      return web;
    }

    public Notifier build() {
      return new Notifier(this);
    }
  }

  @Override
  public String toString() {
    return "Notifier" + escalations.rungs().stream().map(r -> r.alert().id() + "@" + r.step()).collect(Collectors.toList());
  }
}
