package dev.vigil.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.api.ApiClient;
import dev.vigil.api.LocalApi;
import dev.vigil.check.HttpChecker;
import dev.vigil.engine.Engine;
import dev.vigil.heartbeat.Heartbeats;
import dev.vigil.http.Web;
import dev.vigil.rules.HeartbeatRule;
import dev.vigil.policy.Policy;
import dev.vigil.rules.RuleSet;
import dev.vigil.rules.SourceRule;
import dev.vigil.schedule.QuartzScheduler;
import dev.vigil.store.IntakeStore;
import dev.vigil.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real engine and store with every intake piece wired as {@code vigil run} should wire them. */
class EngineIntakeTest {
  private static final Web WEB = Web.create();
  @RegisterExtension final AlertmanagerProcess alertmanager = new AlertmanagerProcess();
  @TempDir Path dataDir;

  @Test
  void apiHeartbeatsAndAlertmanagerThroughTheEngine() throws Exception {
    Clock clock = Clock.systemDefaultZone();
    HeartbeatRule heartbeat = new HeartbeatRule("sync", Duration.ofSeconds(1), null, Duration.ZERO, Severity.WARNING, Map.of(), null);
    SourceRule source = new SourceRule("team", alertmanager.url(), Duration.ofSeconds(1), List.of(), Map.of(), null);
    RuleSet rules = new RuleSet(dataDir, List.of(), List.of(heartbeat), List.of(source), Policy.defaults(java.time.ZoneId.systemDefault()), null);

    try (SqliteStore store = SqliteStore.open(dataDir, clock);
        Engine engine = new Engine(rules, store, HttpChecker.create(clock), new QuartzScheduler(), clock);
        IntakeStore intakeStore = IntakeStore.open(dataDir)) {
      engine.start();
      try (Heartbeats heartbeats = Heartbeats.start(rules.heartbeats(), intakeStore, engine, clock);
          Sources sources = Sources.start(rules.sources(), engine, store, intakeStore, WEB, Duration.ofHours(4), clock);
          LocalApi api = LocalApi.start(0, dataDir, engine, store, clock)) {
        engine.heartbeatSink(heartbeats::ping);
        engine.addListener(sources);
        ApiClient client = ApiClient.forInstance(dataDir, api.port());

        // POST /api/alerts twice: one alert.
        String disk = "{\"monitor\":\"disk\",\"severity\":\"critical\",\"summary\":\"disk 97%\",\"labels\":{\"host\":\"a\"}}";
        assertThat(client.post("/api/alerts", disk).status()).isEqualTo(200);
        assertThat(client.post("/api/alerts", disk).status()).isEqualTo(200);
        assertThat(store.openAlerts()).filteredOn(a -> a.monitor().equals("disk")).hasSize(1);

        // A missed heartbeat fires after its grace; its next ping resolves it before the answer.
        await().atMost(Duration.ofSeconds(4)).until(() -> store.findOpen("heartbeat:sync").isPresent());
        assertThat(client.heartbeat("sync")).isTrue();
        assertThat(store.findOpen("heartbeat:sync")).isEmpty();

        // Alertmanager: the alert comes within the poll interval + 1 s; a `vigil ack` (a store write) silences it.
        alertmanager.fire(Map.of("alertname", "HighLatency", "severity", "critical"), Map.of("summary", "p99 2.3s"));
        await().atMost(Duration.ofSeconds(2)).until(() -> store.openAlerts().stream().anyMatch(a -> a.monitor().equals("HighLatency")));
        Alert latency = store.openAlerts().stream().filter(a -> a.monitor().equals("HighLatency")).findFirst().orElseThrow();
        store.acknowledge(latency.id(), "looking", "cli", Instant.now());
        await().atMost(Duration.ofSeconds(5)).until(() -> alertmanager.silences().size() == 1);
        JsonNode silence = alertmanager.silences().get(0);
        assertThat(silence.path("comment").asText()).isEqualTo("looking");
        assertThat(silence.path("status").path("state").asText()).isEqualTo("active");

        // GET /api/alerts shows it acknowledged.
        JsonNode open = new ObjectMapper().readTree(client.get("/api/alerts").body());
        assertThat(open.findValuesAsText("state")).contains(AlertState.ACKNOWLEDGED.label());
      }
    }
  }
}
