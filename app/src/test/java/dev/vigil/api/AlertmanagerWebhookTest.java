package dev.vigil.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.Alert;
import dev.vigil.alert.Severity;
import dev.vigil.source.AlertmanagerProcess;
import dev.vigil.source.MemoryVigil;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** A real Alertmanager sends its webhook to the local API, with the token from the data folder. */
class AlertmanagerWebhookTest {
  @TempDir Path dataDir;
  private final AlertmanagerProcess alertmanager = new AlertmanagerProcess();
  private LocalApi api;

  @AfterEach
  void stop() throws Exception {
    alertmanager.stop();
    if (api != null) api.close();
  }

  @Test
  void alertmanagersWebhookFiresAndResolvesAVigilAlert(TestInfo test) throws Exception {
    AlertmanagerProcess.requireBinary(test.getDisplayName());
    MemoryVigil vigil = new MemoryVigil();
    api = LocalApi.start(0, dataDir, vigil, vigil, Clock.systemUTC());
    alertmanager.start(test.getDisplayName(), """
        route:
          receiver: vigil
          group_wait: 0s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: vigil
            webhook_configs:
              - url: http://127.0.0.1:%d/api/alertmanager
                send_resolved: true
                http_config:
                  authorization:
                    type: Bearer
                    credentials_file: %s
        """.formatted(api.port(), dataDir.resolve(ApiToken.FILE_NAME)));

    Map<String, String> labels = Map.of("alertname", "QueueBacklog", "severity", "critical", "queue", "emails");
    alertmanager.fire(labels, Map.of("summary", "12k messages waiting"));
    await().atMost(Duration.ofSeconds(10)).until(() -> !vigil.openAlerts().isEmpty());
    Alert alert = vigil.openAlerts().get(0);
    assertThat(alert.monitor()).isEqualTo("QueueBacklog");
    assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.summary()).isEqualTo("12k messages waiting");
    assertThat(alert.fingerprint()).isEqualTo("am:webhook:" + alertmanager.alerts().get(0).path("fingerprint").asText());

    alertmanager.resolve(labels);
    await().atMost(Duration.ofSeconds(10)).until(() -> vigil.openAlerts().isEmpty());
    assertThat(vigil.all()).hasSize(1);
  }
}
