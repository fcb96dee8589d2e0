package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.Alert;
import dev.vigil.check.HttpChecker;
import dev.vigil.engine.Engine;
import dev.vigil.fleet.LoopbackFleet;
import dev.vigil.fleet.LoopbackFleet.Behaviour;
import dev.vigil.policy.Notification;
import dev.vigil.policy.Policy;
import dev.vigil.rules.RulesLoader;
import dev.vigil.schedule.QuartzScheduler;
import dev.vigil.store.PolicyStore;
import dev.vigil.store.SqliteStore;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The twelve-alert storm, end to end at night: a database and twelve services behind it go down on 127.0.0.1, the
 * real engine and store confirm them, and the notifier makes one alarm and one page, both naming the root cause. The
 * alarm is real sound, recorded from a PulseAudio null sink as {@link PulseAudioSoundTest} does, when PulseAudio runs.
 */
class DependentsStormTest {
  @TempDir Path data;
  @TempDir Path rules;
  final List<String> pages = Collections.synchronizedList(new ArrayList<>());
  final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
  }

  /** Counts alarm starts and plays each on the real sound output. */
  static final class CountedAlarm implements Alarm {
    final Alarm real = new SoundPlayer();
    final AtomicInteger starts = new AtomicInteger();

    @Override
    public void chime() {
      real.chime();
    }

    @Override
    public void start(Duration rampUp) {
      if (!real.isSounding()) starts.incrementAndGet();
      real.start(rampUp);
    }

    @Override
    public void stop() {
      real.stop();
    }

    @Override
    public boolean isSounding() {
      return real.isSounding();
    }
  }

  @Test
  void aDatabaseOutageBehindWhichTwelveServicesFailMakesOneAlarmAndOnePageNamingIt() throws Exception {
    Optional<Recording> sound = Recording.start();
    sound.ifPresent(open::add);
    LoopbackFleet fleet = LoopbackFleet.start();
    open.add(fleet);
    StringBuilder yaml = new StringBuilder("monitors:\n");
    fleet.set("db", Behaviour.DOWN);
    yaml.append("  - {id: core-db, url: \"").append(fleet.url("db")).append("\", interval: 1s, timeout: 1s, severity: critical}\n");
    for (int i = 1; i <= 12; i++) {
      fleet.set("svc" + i, Behaviour.DOWN);
      yaml.append("  - {id: svc-").append(i).append(", url: \"").append(fleet.url("svc" + i))
          .append("\", interval: 1s, timeout: 1s, severity: critical, confirm: 3, dependsOn: [core-db]}\n");
    }
    Files.writeString(rules.resolve("fleet.yaml"), yaml);
    var loaded = RulesLoader.load(rules, Map.of());
    assertThat(loaded.problems()).isEmpty();

    MockWebServer phone = new MockWebServer();
    phone.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        pages.add(r.getTarget() + " " + r.getBody().utf8());
        return new MockResponse.Builder().code(200).body("{}").build();
      }
    });
    phone.start(InetAddress.getByName("127.0.0.1"), 0);
    open.add(phone);
    // A zone where it is 02:00 now: overnight, so a critical alert wakes.
    int utcHour = Instant.now().atOffset(ZoneOffset.UTC).getHour();
    int h = Math.floorMod(2 - utcHour, 24);
    ZoneOffset night = ZoneOffset.ofHours(h > 12 ? h - 24 : h);
    Policy policy = Policy.defaults(night)
        .withEscalation(new Policy.Escalation(Duration.ofSeconds(4), Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(2)))
        .withChannels(new Policy.Channels(new Policy.Ntfy(phone.url("/").toString().replaceAll("/$", ""), "oncall", null), null, null, null));

    Clock clock = Clock.systemUTC();
    SqliteStore store = SqliteStore.open(data, clock);
    open.add(store);
    PolicyStore policyStore = PolicyStore.open(store.database());
    open.add(policyStore);
    Engine engine = new Engine(loaded.rules(), store, HttpChecker.create(clock), new QuartzScheduler(), clock);
    CountedAlarm alarm = new CountedAlarm();
    List<Message> desktop = Collections.synchronizedList(new ArrayList<>());
    Notifier notifier = Notifier.builder(policy, policyStore, clock)
        .desktop(m -> {
          desktop.add(m);
          return Optional.empty();
        })
        .alarm(alarm)
        .audioCheck(Optional::empty)
        .confirm(engine::stillFailing)
        .build();
    open.add(engine);
    open.add(notifier);
    engine.addListener(notifier);
    engine.addCheckListener((m, v) -> notifier.observeCheck(m.id(), v.passed(), v.observation().at()));
    engine.start();
    notifier.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> pages.size() >= 1 && store.openAlerts().size() == 13);
    Thread.sleep(1500); // anything else that would sound or page
    alarm.stop();
    sound.ifPresent(r -> assertThat(r.loudestSecond()).as("the alarm was heard on the sound output").isGreaterThan(0.02));

    assertThat(alarm.starts.get()).as("one alarm").isEqualTo(1);
    assertThat(pages).singleElement().asString()
        .startsWith("/oncall core-db is down; 12 services behind it are failing\n");
    for (Alert a : store.openAlerts()) {
      assertThat(a.heldBy()).as(a.monitor()).isEqualTo(a.monitor().equals("core-db") ? null : "core-db");
    }
    List<Notification> log = policyStore.notifications(Instant.EPOCH, 1000);
    assertThat(log).filteredOn(n -> n.reason().startsWith("held: ")).hasSize(12)
        .allSatisfy(n -> assertThat(n.reason()).isEqualTo("held: core-db is down"));
    assertThat(log).noneMatch(n -> n.reason().contains("storm"));
    assertThat(log).filteredOn(n -> n.channel().equals("ntfy")).singleElement()
        .satisfies(n -> assertThat(n.reason()).isEqualTo("unacknowledged after 4s: core-db is down; 12 services behind it are failing"));
  }

  /** The default sink's monitor, recorded while the test runs; empty without PulseAudio. */
  static final class Recording implements AutoCloseable {
    final Process rec;
    final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    final String module;
    final String previous;
    final Thread reader;

    private Recording(Process rec, String module, String previous) {
      this.rec = rec;
      this.module = module;
      this.previous = previous;
      this.reader = new Thread(() -> {
        try {
          rec.getInputStream().transferTo(pcm);
        } catch (Exception e) {
          // recorder ended
        }
      });
      reader.start();
    }

    static Optional<Recording> start() throws Exception {
      if (AudioCheck.run(List.of("pactl", "info")).isEmpty()) return Optional.empty();
      Optional<String> module = AudioCheck.run(List.of("pactl", "load-module", "module-null-sink", "sink_name=vigilstorm"));
      if (module.isEmpty()) return Optional.empty();
      String previous = AudioCheck.run(List.of("pactl", "get-default-sink")).orElse("").trim();
      AudioCheck.run(List.of("pactl", "set-default-sink", "vigilstorm"));
      if (SoundPlayer.problem().isPresent()) {
        AudioCheck.run(List.of("pactl", "unload-module", module.get().trim()));
        return Optional.empty();
      }
      Process rec = new ProcessBuilder("parecord", "--device=vigilstorm.monitor", "--raw", "--format=s16le", "--rate=8000",
          "--channels=1", "--latency-msec=20").start();
      return Optional.of(new Recording(rec, module.get().trim(), previous));
    }

    double loudestSecond() {
      byte[] all;
      synchronized (pcm) {
        all = pcm.toByteArray();
      }
      double loudest = 0;
      for (int from = 0; from + 16000 <= all.length; from += 8000) loudest = Math.max(loudest, Tones.rms(all, from, from + 16000));
      return loudest;
    }

    @Override
    public void close() throws Exception {
      rec.destroy();
      rec.waitFor(2, TimeUnit.SECONDS);
      reader.join(2000);
      if (!previous.isEmpty()) AudioCheck.run(List.of("pactl", "set-default-sink", previous));
      AudioCheck.run(List.of("pactl", "unload-module", module));
    }
  }
}
