package dev.vigil.fleet;

import dev.vigil.fleet.LoopbackFleet.Behaviour;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The night {@code vigil demo} plays on a {@link LoopbackFleet}: a traffic spike that first slows and then kills a
 * partner service, a flapping service, a dev server flooded by production traffic, and a full outage of several
 * services at once. The scenes overlap, last {@link #LENGTH} at speed 1, and then play again.
 */
public final class OnCallScenes implements AutoCloseable {
  /** One round of all scenes at speed 1. */
  public static final Duration LENGTH = Duration.ofSeconds(90);
  /** How often the demo rules check at speed 1 (also their timeout); faster speeds check more often. */
  static final Duration INTERVAL = Duration.ofSeconds(2);
  /** The latency the demo rules allow at speed 1. */
  static final Duration LATENCY = Duration.ofMillis(800);
  /** The fastest the scenes play: checks every 200 ms, slow means 150 ms. */
  public static final double MAX_SPEED = 10;

  /** The services and what their monitors expect, in the order the rules list them. */
  static final List<Service> SERVICES = List.of(
      new Service("checkout", "critical", "storefront", true),
      new Service("partner-sms", "critical", "partners", true),
      new Service("search", "warning", "storefront", false),
      new Service("dev-api", "warning", "dev", true),
      new Service("auth", "critical", "core", false),
      new Service("orders", "critical", "core", false),
      new Service("inventory", "critical", "core", false));

  /** At {@code at} (speed 1) the service starts to behave so; the caption, when there is one, is narrated. */
  public record Cue(Duration at, String service, Behaviour behaviour, String caption) {}

  record Service(String name, String severity, String team, boolean latencyMatters) {}

  private final LoopbackFleet fleet;
  private final double speed;
  private final Consumer<String> narrator;
  private final ScheduledExecutorService timeline = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "vigil-demo-scenes");
    t.setDaemon(true);
    return t;
  });

  private OnCallScenes(LoopbackFleet fleet, double speed, Consumer<String> narrator) {
    this.fleet = fleet;
    this.speed = speed;
    this.narrator = narrator;
  }

  /**
   * Starts playing at once, round after round, until closed.
   *
   * @param speed 1 plays a round in {@link #LENGTH}; 4 plays it four times as fast, slow answers included (use
   *     the rules of {@link #monitorsYaml} at the same speed)
   * @param narrator hears each scene's caption
   */
  public static OnCallScenes play(LoopbackFleet fleet, double speed, Consumer<String> narrator) {
    if (!(speed > 0 && speed <= MAX_SPEED)) throw new IllegalArgumentException("speed must be in (0, 10], not " + speed);
    OnCallScenes scenes = new OnCallScenes(fleet, speed, narrator);
    long round = scaled(LENGTH, speed).toMillis();
    scenes.timeline.scheduleAtFixedRate(scenes::round, 0, round, TimeUnit.MILLISECONDS);
    return scenes;
  }

  /** Every cue of one round, in time order. */
  public static List<Cue> cues() {
    List<Cue> cues = new ArrayList<>();
    for (Service s : SERVICES) cues.add(new Cue(Duration.ZERO, s.name(), Behaviour.UP, null));
    cues.add(cue(0, "checkout", Behaviour.UP, "The night starts quiet: " + SERVICES.size() + " services, all up."));
    cues.add(cue(5, "partner-sms", Behaviour.slow(1500),
        "Scene 1, a traffic spike: a push campaign floods checkout, and partner-sms slows down."));
    cues.add(cue(10, "search", Behaviour.DOWN, "Scene 2, a flapping service: search goes down and up every 6 s."));
    cues.add(cue(15, "dev-api", Behaviour.slow(1200),
        "Scene 3, a dev server flooded by production traffic: a job points at dev-api, which slows down,"));
    cues.add(cue(16, "search", Behaviour.UP, null));
    cues.add(cue(20, "partner-sms", Behaviour.DOWN, "partner-sms gives up under the load: 503."));
    cues.add(cue(22, "search", Behaviour.DOWN, null));
    cues.add(cue(25, "dev-api", Behaviour.failing(429), "dev-api starts rate limiting: 429,"));
    cues.add(cue(28, "search", Behaviour.UP, null));
    cues.add(cue(32, "dev-api", Behaviour.failing(503), "then falls over: 503."));
    cues.add(cue(34, "search", Behaviour.DOWN, null));
    cues.add(cue(40, "search", Behaviour.UP, null));
    cues.add(cue(40, "auth", Behaviour.DOWN,
        "Scene 4, a full outage: the shared database is down; auth, orders and inventory fail together."));
    cues.add(cue(40, "orders", Behaviour.DOWN, null));
    cues.add(cue(40, "inventory", Behaviour.DOWN, null));
    cues.add(cue(55, "partner-sms", Behaviour.UP, "The campaign ends: partner-sms recovers."));
    cues.add(cue(58, "dev-api", Behaviour.UP, "The job is stopped: dev-api recovers."));
    cues.add(cue(65, "auth", Behaviour.UP, "The database is back: auth, orders and inventory recover."));
    cues.add(cue(65, "orders", Behaviour.UP, null));
    cues.add(cue(65, "inventory", Behaviour.UP, null));
    cues.add(cue(80, "checkout", Behaviour.UP, "The night is quiet again; the scenes play again in 10 s."));
    cues.sort(java.util.Comparator.comparing(Cue::at));
    return List.copyOf(cues);
  }

  /** The names of the fleet's services. */
  public static List<String> services() {
    return SERVICES.stream().map(Service::name).toList();
  }

  /**
   * The monitors that watch the fleet: short intervals so a newcomer sees alerts within a minute. At a higher
   * speed, intervals, timeouts and latency limits shrink with the scenes.
   */
  public static String monitorsYaml(LoopbackFleet fleet, double speed) {
    long interval = scaled(INTERVAL, speed).toMillis();
    long latency = scaled(LATENCY, speed).toMillis();
    StringBuilder yaml = new StringBuilder("""
        # vigil demo: the simulated fleet. Checks every %dms; two failing checks in a row fire an alert.
        monitors:
        """.formatted(interval));
    for (Service s : SERVICES) {
      yaml.append("  - id: ").append(s.name()).append('\n')
          .append("    url: ").append(fleet.url(s.name())).append('\n')
          .append("    interval: ").append(interval).append("ms\n")
          .append("    timeout: ").append(interval).append("ms\n")
          .append("    severity: ").append(s.severity()).append('\n')
          .append("    confirm: 2\n")
          .append("    recover: 2\n")
          .append("    expect:\n")
          .append("      - status == 200\n");
      if (s.latencyMatters()) yaml.append("      - latency < ").append(latency).append("ms\n");
      yaml.append("    labels: {team: ").append(s.team()).append(", demo: \"true\"}\n");
    }
    return yaml.toString();
  }

  /** The demo's policy: the user's time zone, the usual overnight hours. */
  public static String policyYaml(ZoneId zone) {
    return "timezone: " + zone.getId() + "\novernight: \"22:00-08:00\"\n";
  }

  private void round() {
    for (Cue c : cues()) {
      timeline.schedule(() -> {
        Behaviour b = c.behaviour();
        fleet.set(c.service(), b.delayMillis() == 0 ? b : b.after(scaled(Duration.ofMillis(b.delayMillis()), speed).toMillis()));
        if (c.caption() != null) narrator.accept(c.caption());
      }, scaled(c.at(), speed).toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static Cue cue(int second, String service, Behaviour behaviour, String caption) {
    return new Cue(Duration.ofSeconds(second), service, behaviour, caption);
  }

  static Duration scaled(Duration d, double speed) {
    return Duration.ofNanos((long) (d.toNanos() / speed));
  }

  @Override
  public void close() {
    timeline.shutdownNow();
  }
}
