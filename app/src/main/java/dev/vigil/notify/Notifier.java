package dev.vigil.notify;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertListener;
import dev.vigil.alert.AlertState;
import dev.vigil.policy.Decision;
import dev.vigil.policy.DurationText;
import dev.vigil.policy.FlapDetector;
import dev.vigil.policy.Level;
import dev.vigil.policy.NoiseDecider;
import dev.vigil.policy.Notification;
import dev.vigil.policy.Outcome;
import dev.vigil.policy.Policy;
import dev.vigil.policy.QuietMode;
import dev.vigil.policy.Silence;
import dev.vigil.policy.Situation;
import dev.vigil.policy.StormDetector;
import dev.vigil.policy.Times;
import dev.vigil.store.PendingEscalation;
import dev.vigil.store.PolicyStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Noise control: hears every committed alert change, asks the {@link NoiseDecider}, records the decision with
 * its reason, and makes the noise: desktop notifications, the chime, the {@link WakeLadder}, the phone. Also
 * the morning digest, the quiet-mode summary, storm and flapping notices, silence reminders and the outbound
 * heartbeat.
 *
 * <p>{@link #onChange} runs on the engine's pipeline thread and never blocks: sends and store writes go to
 * the I/O executor. Timers run in {@link #tick(Instant)}, called every 250 ms by {@link #start()} or directly
 * by tests with a virtual clock.
 */
public final class Notifier implements AlertListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
  static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(15);
  static final Duration SILENCE_REMINDER = Duration.ofMinutes(5);

  private final PolicyStore store;
  private final Clock clock;
  private final Channel desktop;
  private final Alarm alarm;
  private final AckWindow ackWindow;
  private final Function<String, CompletableFuture<Boolean>> confirm;
  private final LongConsumer onAcknowledge;
  private final Executor io;
  private final Executor storeWriter;
  private final ExecutorService ownedIo;
  private final Supplier<Optional<String>> audioCheck;
  private final Supplier<Optional<String>> networkDown;
  private String networkWasDown;
  private final boolean phoneFromPolicy;
  private ScheduledExecutorService ticker;

  // guarded by this
  private Policy policy;
  private NoiseDecider decider;
  private Set<String> breakthrough;
  private Channel ntfy;
  private PushoverChannel pushover;
  private Channel webhook;
  private OutboundHeartbeat heartbeat;
  private final WakeLadder ladder;
  private StormDetector storm;
  private final FlapDetector flaps = new FlapDetector();
  private final Map<Long, Alert> open = new LinkedHashMap<>();
  private final Map<Long, Alert> held = new LinkedHashMap<>();
  private final List<String> heldByQuiet = new ArrayList<>();
  private final Set<Long> reminded = new HashSet<>();
  private final Set<Long> toldCheckPassed = new HashSet<>();
  private Boolean wasOvernight;
  private Boolean wasQuiet;
  private volatile QuietMode manualQuiet;
  private volatile List<Silence> silences = List.of();

  private Notifier(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.policy = b.policy;
    this.decider = new NoiseDecider(b.policy);
    this.breakthrough = Set.copyOf(b.breakthrough);
    this.desktop = b.desktop;
    this.alarm = b.alarm;
    this.ackWindow = b.ackWindow;
    this.confirm = b.confirm;
    this.onAcknowledge = b.onAcknowledge;
    this.ownedIo = b.io == null ? Executors.newCachedThreadPool(daemon("vigil-notify-io")) : null;
    this.io = b.io != null ? b.io : ownedIo;
    this.storeWriter = new SerialExecutor(io);
    this.audioCheck = b.audioCheck;
    this.networkDown = b.networkDown;
    this.phoneFromPolicy = b.ntfy == null && b.pushover == null && b.webhook == null;
    this.ntfy = b.ntfy;
    this.pushover = b.pushover;
    this.webhook = b.webhook;
    if (phoneFromPolicy) channelsFrom(b.policy);
    this.heartbeat = b.policy.channels().healthchecks() == null ? null
        : new OutboundHeartbeat(b.policy.channels().healthchecks(), Http.client());
    this.ladder = new WakeLadder(b.policy.escalation());
    this.storm = new StormDetector(b.policy.storm());
    refresh(clock.instant());
  }

  public static Builder builder(Policy policy, PolicyStore store, Clock clock) {
    return new Builder(policy, store, clock);
  }

  /** Starts the 250 ms timer. */
  public synchronized void start() {
    if (ticker != null) return;
    ticker = Executors.newSingleThreadScheduledExecutor(daemon("vigil-notify-timer"));
    ticker.scheduleWithFixedDelay(() -> {
      try {
        tick(clock.instant());
      } catch (RuntimeException e) {
        LOG.error("Notifier tick failed", e);
      }
    }, 0, 250, TimeUnit.MILLISECONDS);
  }

  /** New rules: the policy and the monitors that break through quiet mode. */
  public synchronized void update(Policy newPolicy, Set<String> breakthroughMonitors) {
    this.policy = newPolicy;
    this.decider = new NoiseDecider(newPolicy);
    this.breakthrough = Set.copyOf(breakthroughMonitors);
    this.ladder.retime(newPolicy.escalation());
    this.storm = new StormDetector(newPolicy.storm());
    if (phoneFromPolicy) channelsFrom(newPolicy);
    this.heartbeat = newPolicy.channels().healthchecks() == null ? null
        : new OutboundHeartbeat(newPolicy.channels().healthchecks(), Http.client());
  }

  private void channelsFrom(Policy p) {
    Policy.Channels c = p.channels();
    ntfy = c.ntfy() == null ? null : new NtfyChannel(c.ntfy());
    pushover = c.pushover() == null ? null : new PushoverChannel(c.pushover());
    webhook = c.webhook() == null ? null : new WebhookChannel(c.webhook());
  }

  // ---------------------------------------------------------------- alert changes

  @Override
  public synchronized void onChange(AlertChange change) {
    Alert alert = change.alert();
    Instant now = change.at();
    if (alert.isOpen()) open.put(alert.id(), alert);
    else open.remove(alert.id());
    if (change.kind() == AlertChange.Kind.REPEATED) return; // folded into the count, not a notification
    Decision d = decider.decide(change, situation(alert));
    switch (change.kind()) {
      case ACKNOWLEDGED -> {
        record(now, alert.id(), d);
        stopLadder(alert.id(), now, true);
      }
      case SNOOZED -> {
        record(now, alert.id(), d);
        stopLadder(alert.id(), now, false);
      }
      case RESOLVED -> {
        record(now, alert.id(), d);
        stopLadder(alert.id(), now, false);
        if (held.containsKey(alert.id())) held.put(alert.id(), alert);
      }
      default -> fire(alert, d, now);
    }
  }

  private void fire(Alert alert, Decision d, Instant now) {
    boolean noisy = d.isSent() && d.level().isNoisy();
    if (noisy && flaps.isFlapping(alert.monitor())) {
      d = Decision.suppressed(d.channel(), d.level(), "flapping: one notice was given, no alarm");
      noisy = false;
    }
    Optional<String> offline = networkDown.get();
    if (noisy && offline.isPresent()) {
      d = Decision.suppressed(d.channel(), d.level(), offline.get() + ": one notice, not a page per monitor");
      noisy = false;
    }
    StormDetector.Verdict verdict = null;
    if (noisy) {
      verdict = storm.observe(alert.id(), alert.monitor(), now);
      boolean ladderRunning = !ladder.rungs().isEmpty();
      if (verdict.status() == StormDetector.Status.JOINED && (d.level() != Level.WAKE || ladderRunning)) {
        d = Decision.suppressed(d.channel(), d.level(), "part of a storm: " + verdict.members().size()
            + " alerts since " + Times.clock(verdict.members().get(0).at(), now, policy.zone()));
      }
    }
    record(now, alert.id(), d);
    if (d.outcome() == Outcome.SUPPRESSED && d.reason().startsWith("quiet mode")) {
      heldByQuiet.add(alert.severity().label() + " " + alert.monitor() + ": " + alert.summary());
    }
    if (verdict != null && verdict.status() == StormDetector.Status.STARTED) stormNotice(verdict, d.level(), now);
    act(alert, d, now);
  }

  private void act(Alert alert, Decision d, Instant now) {
    if (d.level() == Level.DIGEST) {
      held.put(alert.id(), alert);
      return;
    }
    if (!d.isSent()) return;
    switch (d.level()) {
      case WAKE -> {
        ladder.start(alert, now);
        persist(alert.id());
        runLadder(now);
      }
      case CHIME -> {
        deliver("desktop", Level.CHIME, desktop, new Message(alert.id(), title(alert), alert.summary(), true), now, null);
        alarm.chime();
      }
      case NOTIFY -> deliver("desktop", Level.NOTIFY, desktop, new Message(alert.id(), title(alert), alert.summary(), false), now, null);
      default -> {}
    }
  }

  private void stormNotice(StormDetector.Verdict v, Level level, Instant now) {
    List<String> monitors = v.members().stream().map(StormDetector.Member::monitor).distinct().toList();
    String title = "Storm: " + v.members().size() + " alerts within " + DurationText.format(policy.storm().within());
    String reason = "storm: " + v.members().size() + " alerts within " + DurationText.format(policy.storm().within())
        + ": " + String.join(", ", monitors);
    deliverRecorded("desktop", level == Level.WAKE ? Level.WAKE : Level.NOTIFY, desktop,
        new Message(null, title, String.join("\n", monitors), level == Level.WAKE), now, null, reason);
  }

  /** Says once that this machine's network is down (instead of paging for each monitor), and once that it is back. */
  private void announceNetwork(Instant now) {
    Optional<String> offline = networkDown.get();
    if (offline.isPresent() && networkWasDown == null) {
      networkWasDown = offline.get();
      deliverRecorded("desktop", Level.NOTIFY, desktop,
          new Message(null, "This machine's network is down", offline.get(), false), now, null, offline.get());
    } else if (offline.isEmpty() && networkWasDown != null) {
      networkWasDown = null;
      deliverRecorded("desktop", Level.NOTIFY, desktop,
          new Message(null, "Network is back", "checks reach their hosts again", false), now, null, "network is back");
    }
  }

  private Situation situation(Alert alert) {
    return new Situation(manualQuiet, silences, breakthrough.contains(alert.monitor()));
  }

  private static String title(Alert a) {
    return a.severity().label().toUpperCase() + " " + a.monitor();
  }

  // ---------------------------------------------------------------- acknowledge from the desktop

  /**
   * The person acknowledged here (notification action, acknowledge window, tray): the alarm stops at once and
   * the engine is asked to record it. Safe from any thread.
   */
  public void acknowledge(long alertId) {
    synchronized (this) {
      stopLadder(alertId, clock.instant(), true);
    }
    if (onAcknowledge != null) io.execute(() -> onAcknowledge.accept(alertId));
  }

  private void stopLadder(long alertId, Instant now, boolean rewakeLater) {
    Optional<WakeLadder.Rung> before = rewakeLater ? ladder.acknowledged(alertId, now) : ladder.remove(alertId);
    if (!ladder.anyLoud()) alarm.stop();
    if (before.isEmpty()) return;
    toldCheckPassed.remove(alertId);
    if (before.get().isLoud()) ackWindow.hide(alertId);
    String receipt = before.get().receipt();
    if (receipt != null && pushover != null) {
      PushoverChannel p = pushover;
      io.execute(() -> {
        try {
          p.cancel(receipt);
          record(clock.instant(), alertId, Decision.sent("pushover", Level.WAKE, "emergency cancelled: acknowledged on the desktop"));
        } catch (IOException e) {
          record(clock.instant(), alertId, new Decision("pushover", Level.WAKE, Outcome.FAILED, "cancel failed: " + e.getMessage()));
        }
      });
    }
    persist(alertId);
  }

  // ---------------------------------------------------------------- restart

  /**
   * After a restart: resumes every persisted ladder whose alert is still open and firing (confirm, then the
   * alarm; phone steps already taken are not repeated). Acknowledged alerts never sound at start-up.
   */
  public synchronized void resume(List<Alert> openAlerts, Instant now) {
    Map<Long, Alert> byId = new HashMap<>();
    for (Alert a : openAlerts) {
      byId.put(a.id(), a);
      open.put(a.id(), a);
    }
    for (PendingEscalation p : store.escalations()) {
      Alert a = byId.get(p.alertId());
      if (a == null || !a.isOpen()) {
        storeWriter.execute(() -> store.deleteEscalation(p.alertId()));
        continue;
      }
      PendingEscalation q = a.state() == AlertState.ACKNOWLEDGED && p.step() >= 0
          ? new PendingEscalation(p.alertId(), -1, null, null, p.startedAt(), now) : p;
      ladder.restore(q, a, now);
      if (q.step() >= 0) record(now, a.id(), Decision.sent("ladder", Level.WAKE, "resumed after restart"));
      persist(a.id());
    }
    runLadder(now);
  }

  // ---------------------------------------------------------------- flapping

  /** One check result of a monitor, for flapping detection (the engine calls this per check). */
  public synchronized void observeCheck(String monitor, boolean up, Instant at) {
    FlapDetector.Flap f = flaps.observe(monitor, up);
    if (f.status() == FlapDetector.Status.STARTED) {
      for (WakeLadder.Rung r : ladder.rungs()) {
        if (r.alert().monitor().equals(monitor)) stopLadder(r.alert().id(), at, false);
      }
      notice(monitor, at, String.format("flapping: %.0f %% state change over the last 21 checks; no alarm until it settles", f.percent()),
          monitor + " is flapping");
    } else if (f.status() == FlapDetector.Status.STOPPED) {
      notice(monitor, at, "stopped flapping: now " + (up ? "up" : "down"), monitor + " stopped flapping: " + (up ? "up" : "down"));
      if (!up) {
        for (Alert a : List.copyOf(open.values())) {
          if (a.monitor().equals(monitor) && a.state() == AlertState.FIRING) fire(a, decider.decide(new AlertChange(AlertChange.Kind.FIRED, a, at), situation(a)), at);
        }
      }
    }
  }

  private void notice(String monitor, Instant at, String reason, String title) {
    Optional<QuietMode> q = QuietMode.effective(manualQuiet, policy, at);
    if (q.isPresent() && !breakthrough.contains(monitor)) {
      record(at, null, Decision.suppressed("desktop", Level.NOTIFY, monitor + " " + reason + " (" + q.get().describe(at, policy.zone()) + ")"));
      return;
    }
    deliverRecorded("desktop", Level.NOTIFY, desktop, new Message(null, title, reason, false), at, null, monitor + " " + reason);
  }

  // ---------------------------------------------------------------- timers

  /** Runs every timer due at {@code now}: ladder steps, digest, quiet summary, reminders, heartbeat. */
  public void tick(Instant now) {
    refresh(now);
    synchronized (this) {
      runLadder(now);
      boolean overnight = decider.isOvernight(now);
      if (Boolean.TRUE.equals(wasOvernight) && !overnight) digest(now);
      if (Boolean.FALSE.equals(wasOvernight) && overnight) checkAudio(now);
      wasOvernight = overnight;
      boolean quiet = QuietMode.effective(manualQuiet, policy, now).isPresent();
      if (Boolean.TRUE.equals(wasQuiet) && !quiet) quietSummary(now);
      wasQuiet = quiet;
      remindSilences(now);
      announceNetwork(now);
      OutboundHeartbeat hb = heartbeat;
      if (hb != null && hb.due(now)) io.execute(hb::ping);
    }
  }

  private void refresh(Instant now) {
    try {
      manualQuiet = store.quiet().orElse(null);
      silences = store.silences(now);
    } catch (RuntimeException e) {
      LOG.warn("Cannot read quiet mode and silences: {}", e.getMessage());
    }
  }

  private void runLadder(Instant now) {
    for (WakeLadder.Rung r : ladder.rungs()) {
      Optional<Silence> s = Silence.firstMatch(silences, r.alert(), now);
      if (s.isPresent() && r.step() >= 0) {
        record(now, r.alert().id(), Decision.suppressed("ladder", Level.WAKE, s.get().describe(now, policy.zone())));
        stopLadder(r.alert().id(), now, false);
      }
    }
    for (WakeLadder.Due due : ladder.tick(now)) {
      switch (due.action()) {
        case CONFIRM -> confirm(due.alert(), now);
        case PHONE -> phone(due.alert(), now);
        case CONTACT -> contact(due.alert(), now);
        default -> {}
      }
      persist(due.alert().id());
    }
  }

  private void confirm(Alert alert, Instant now) {
    Optional<QuietMode> q = QuietMode.effective(manualQuiet, policy, now);
    if (q.isPresent() && !breakthrough.contains(alert.monitor())) {
      record(now, alert.id(), Decision.suppressed("ladder", Level.WAKE, q.get().describe(now, policy.zone())));
      stopLadder(alert.id(), now, false);
      return;
    }
    if (confirm == null) {
      confirmed(alert.id(), true);
      return;
    }
    io.execute(() -> {
      CompletableFuture<Boolean> answer;
      try {
        answer = confirm.apply(alert.monitor());
      } catch (RuntimeException e) {
        answer = CompletableFuture.completedFuture(true);
      }
      answer.completeOnTimeout(true, CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .exceptionally(e -> true) // cannot tell: wake rather than risk sleeping through it
          .thenAccept(still -> confirmed(alert.id(), Objects.requireNonNullElse(still, true)));
    });
  }

  private synchronized void confirmed(long alertId, boolean stillFailing) {
    Instant now = clock.instant();
    Optional<WakeLadder.Due> alarmDue = ladder.confirmed(alertId, stillFailing, now);
    if (alarmDue.isEmpty()) {
      if (!stillFailing && ladder.contains(alertId) && toldCheckPassed.add(alertId)) {
        record(now, alertId, Decision.suppressed("ladder", Level.WAKE,
            "a fresh check passed: not waking (checking again every " + DurationText.format(WakeLadder.RECONFIRM) + ")"));
      }
      persist(alertId);
      return;
    }
    toldCheckPassed.remove(alertId);
    Alert a = alarmDue.get().alert();
    alarm.start(policy.escalation().rampUp());
    ackWindow.show(a);
    record(now, alertId, Decision.sent("ladder", Level.WAKE, "alarm: " + a.monitor() + " still failing on a fresh check"));
    deliver("desktop", Level.WAKE, desktop, new Message(a.id(), title(a), a.summary(), true), now, null);
    persist(alertId);
  }

  private void phone(Alert a, Instant now) {
    String why = "unacknowledged after " + DurationText.format(policy.escalation().escalateAfter());
    if (ntfy == null && pushover == null) {
      record(now, a.id(), Decision.suppressed("phone", Level.WAKE, why + ": no phone channel configured"));
      return;
    }
    Message m = new Message(a.id(), title(a), a.summary() + " (vigil ack " + a.id() + ")", true);
    if (ntfy != null) deliverRecorded("ntfy", Level.WAKE, ntfy, m, now, null, why);
    if (pushover != null) {
      deliverRecorded("pushover", Level.WAKE, pushover, m, now, receipt -> {
        synchronized (this) {
          if (ladder.snapshot(a.id()).map(p -> p.step() >= 0).orElse(false)) {
            ladder.setReceipt(a.id(), receipt);
            persist(a.id());
          } else if (pushover != null) {
            try {
              pushover.cancel(receipt); // acknowledged while the page was on its way
            } catch (IOException e) {
              LOG.warn("Cannot cancel Pushover receipt: {}", e.getMessage());
            }
          }
        }
      }, why);
    }
  }

  private void contact(Alert a, Instant now) {
    String why = "unacknowledged after " + DurationText.format(policy.escalation().contactAfter());
    if (webhook == null) {
      record(now, a.id(), Decision.suppressed("webhook", Level.WAKE, why + ": no further contact configured"));
      return;
    }
    deliverRecorded("webhook", Level.WAKE, webhook, new Message(a.id(), title(a), a.summary(), true), now, null, why);
  }

  private void digest(Instant now) {
    if (held.isEmpty()) return;
    List<String> lines = held.values().stream()
        .map(a -> a.severity().label() + " " + a.monitor() + ": " + a.summary() + (a.isOpen() ? "" : " (resolved)"))
        .toList();
    int n = lines.size();
    held.clear();
    deliverRecorded("digest", Level.DIGEST, desktop,
        new Message(null, "Overnight: " + n + (n == 1 ? " alert" : " alerts") + " held for the morning", String.join("\n", lines), false),
        now, null, "morning digest: " + n + (n == 1 ? " alert" : " alerts") + " held overnight");
  }

  private void quietSummary(Instant now) {
    int n = heldByQuiet.size();
    String reason = "quiet mode ended: " + n + (n == 1 ? " notification" : " notifications") + " held back";
    deliverRecorded("desktop", Level.NOTIFY, desktop,
        new Message(null, "Quiet mode ended", n == 0 ? "Nothing happened." : String.join("\n", heldByQuiet), false), now, null, reason);
    heldByQuiet.clear();
  }

  private void checkAudio(Instant now) {
    io.execute(() -> audioCheck.get().ifPresent(problem -> {
      record(now, null, new Decision("sound", Level.WAKE, Outcome.FAILED, "overnight window opened but " + problem));
      try {
        desktop.send(new Message(null, "Vigil cannot wake you", problem, true));
      } catch (IOException e) {
        LOG.warn("Cannot show the audio warning: {}", e.getMessage());
      }
    }));
  }

  private void remindSilences(Instant now) {
    for (Silence s : silences) {
      if (s.isActive(now) && !now.isBefore(s.ends().minus(SILENCE_REMINDER)) && reminded.add(s.id())) {
        String text = "Silence #" + s.id() + (s.comment().isBlank() ? "" : " (" + s.comment() + ")") + " ends at "
            + Times.clock(s.ends(), now, policy.zone());
        deliverRecorded("desktop", Level.NOTIFY, desktop, new Message(null, text, s.matchersText(), false), now, null,
            "silence reminder: #" + s.id() + " ends at " + Times.clock(s.ends(), now, policy.zone()));
      }
    }
  }

  // ---------------------------------------------------------------- delivery and records

  /** Sends on the I/O executor; the decision was recorded already, only a failure is recorded here. */
  private void deliver(String channel, Level level, Channel via, Message m, Instant now, java.util.function.Consumer<String> onReceipt) {
    io.execute(() -> {
      try {
        via.send(m).ifPresent(r -> {
          if (onReceipt != null) onReceipt.accept(r);
        });
      } catch (IOException | RuntimeException e) {
        record(clock.instant(), m.alertId(), new Decision(channel, level, Outcome.FAILED, e.getMessage()));
      }
    });
  }

  /** Sends on the I/O executor and records the outcome: sent, or failed with what went wrong. */
  private void deliverRecorded(String channel, Level level, Channel via, Message m, Instant now,
      java.util.function.Consumer<String> onReceipt, String reason) {
    io.execute(() -> {
      try {
        Optional<String> receipt = via.send(m);
        record(now, m.alertId(), Decision.sent(channel, level, reason));
        receipt.ifPresent(r -> {
          if (onReceipt != null) onReceipt.accept(r);
        });
      } catch (IOException | RuntimeException e) {
        record(now, m.alertId(), new Decision(channel, level, Outcome.FAILED, reason + ": " + e.getMessage()));
      }
    });
  }

  private void record(Instant at, Long alertId, Decision d) {
    Notification n = Notification.of(at, alertId, d);
    LOG.debug("{}", n);
    storeWriter.execute(() -> {
      try {
        store.record(n);
      } catch (RuntimeException e) {
        LOG.warn("Cannot record notification: {}", e.getMessage());
      }
    });
  }

  private void persist(long alertId) {
    Optional<PendingEscalation> p = ladder.snapshot(alertId);
    storeWriter.execute(() -> {
      try {
        if (p.isPresent()) store.saveEscalation(p.get());
        else store.deleteEscalation(alertId);
      } catch (RuntimeException e) {
        LOG.warn("Cannot persist the wake ladder: {}", e.getMessage());
      }
    });
  }

  /** The alerts on the wake ladder now, for the tray and tests. */
  public synchronized List<WakeLadder.Rung> ladder() {
    return List.copyOf(ladder.rungs());
  }

  /** Held for the morning digest. */
  public synchronized List<Alert> held() {
    return List.copyOf(held.values());
  }

  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = ticker;
      ticker = null;
    }
    if (t != null) t.shutdownNow();
    alarm.stop();
    if (ownedIo != null) ownedIo.shutdown();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Collaborators; everything but the policy, store and clock has a headless default. */
  public static final class Builder {
    private final Policy policy;
    private final PolicyStore store;
    private final Clock clock;
    private Channel desktop = m -> {
      LoggerFactory.getLogger(Notifier.class).info("Notification: {}: {}", m.title(), m.body());
      return Optional.empty();
    };
    private Alarm alarm = Alarm.SILENT;
    private AckWindow ackWindow = AckWindow.LOG;
    private Function<String, CompletableFuture<Boolean>> confirm;
    private LongConsumer onAcknowledge;
    private Executor io;
    private Set<String> breakthrough = Set.of();
    private Supplier<Optional<String>> audioCheck = AudioCheck::problem;
    private Supplier<Optional<String>> networkDown = Optional::empty;
    private Channel ntfy;
    private PushoverChannel pushover;
    private Channel webhook;

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
    public Builder networkDown(Supplier<Optional<String>> reason) {
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

    public Notifier build() {
      return new Notifier(this);
    }
  }

  @Override
  public String toString() {
    return "Notifier" + ladder.rungs().stream().map(r -> r.alert().id() + "@" + r.step()).collect(Collectors.toList());
  }
}
