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
 * ({@link Watch#RULES_POLL_WITH_EVENTS}) would.
 */
class RulesHotReloadTest {
  @TempDir Path data;
  @TempDir Path rules;

  @Test
  void anEditedRulesFolderIsReloadedWithinSecondsNotAtTheNextPoll() throws Exception {
    Files.writeString(rules.resolve("web.yaml"), monitor("web"));
    var loaded = RulesLoader.load(rules, Map.of());
    try (Watch watch = Watch.start(data, loaded.rules(), rules, Map.of(), 0, Clock.systemUTC(),
        new Watch.Desktop(AckWindow.LOG, Alarm.SILENT))) {
      assertThat(watch.engine().monitors(m -> true)).extracting(Monitor::id).containsExactly("web");

      Files.writeString(rules.resolve("api.yaml"), monitor("api"));

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(watch.engine().monitors(m -> true)).extracting(Monitor::id).containsExactlyInAnyOrder("web", "api"));
      assertThat(Watch.RULES_POLL_WITH_EVENTS).isGreaterThan(Duration.ofSeconds(10));

      Files.delete(rules.resolve("web.yaml"));

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(watch.engine().monitors(m -> true)).extracting(Monitor::id).containsExactly("api"));
    }
  }

  private static String monitor(String id) {
    return "monitors:\n  - id: " + id + "\n    url: http://127.0.0.1:9/" + id + "\n    interval: 1h\n";
  }
}
