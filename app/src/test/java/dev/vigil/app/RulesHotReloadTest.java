package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.notify.AckWindow;
import dev.vigil.notify.Alarm;
import dev.vigil.rules.Monitor;
import dev.vigil.rules.RulesLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running Vigil picks up a rules edit from the OS's change events, well before its safety-net poll
 * ({@link Watch#RULES_POLL_WITH_EVENTS}) would; a folder replaced as a whole is noticed by that poll and watched
 * again, so the edits after it are quick again.
 */
class RulesHotReloadTest {
  /** Well under the safety-net poll, so only the change events can meet it. */
  static final Duration QUICK = Duration.ofSeconds(5);

  @TempDir Path data;
  @TempDir Path parent;
  Path rules;

  @Test
  void anEditedRulesFolderIsReloadedWithinSecondsNotAtTheNextPoll() throws Exception {
    rules = Files.createDirectory(parent.resolve("rules"));
    Files.writeString(rules.resolve("web.yaml"), monitor("web"));
    var loaded = RulesLoader.load(rules, Map.of());
    try (Watch watch = Watch.start(data, loaded.rules(), rules, Map.of(), 0, Clock.systemUTC(),
        new Watch.Desktop(AckWindow.LOG, Alarm.SILENT))) {
      assertThat(watch.engine().monitors(m -> true)).extracting(Monitor::id).containsExactly("web");

      Files.writeString(rules.resolve("api.yaml"), monitor("api"));

      assertThat(Watch.RULES_POLL_WITH_EVENTS).isGreaterThan(QUICK);
      await().atMost(QUICK).untilAsserted(() ->
          assertThat(watch.engine().monitors(m -> true)).extracting(Monitor::id).containsExactlyInAnyOrder("web", "api"));

      Files.delete(rules.resolve("web.yaml"));

      await().atMost(QUICK).untilAsserted(() ->
          assertThat(watch.engine().monitors(m -> true)).extracting(Monitor::id).containsExactly("api"));

      // the folder replaced as a whole: the old one moved aside, a new one in its place
      Files.move(rules, parent.resolve("rules.old"));
      Path fresh = Files.createDirectory(parent.resolve("rules"));
      Files.writeString(fresh.resolve("db.yaml"), monitor("db"));

      await().atMost(Watch.RULES_POLL_WITH_EVENTS.plus(QUICK)).untilAsserted(() ->
          assertThat(watch.engine().monitors(m -> true)).extracting(Monitor::id).containsExactly("db"));

      Files.writeString(fresh.resolve("cache.yaml"), monitor("cache")); // the new folder sends events again

      await().atMost(QUICK).untilAsserted(() ->
          assertThat(watch.engine().monitors(m -> true)).extracting(Monitor::id).containsExactlyInAnyOrder("db", "cache"));
    }
  }

  private static String monitor(String id) {
    return "monitors:\n  - id: " + id + "\n    url: http://127.0.0.1:9/" + id + "\n    interval: 1h\n";
  }
}
