package dev.vigil.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alert.ExternalAlert;
import dev.vigil.alert.Severity;
import dev.vigil.http.Web;
import dev.vigil.rules.SourceRule;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertmanagerAlertsTest {
  private static final Web WEB = Web.create();

  @ParameterizedTest(name = "severity label {0} -> {1}")
  @CsvSource(nullValues = "none", value = {"critical, CRITICAL", "warning, WARNING", "info, INFO", "Critical, CRITICAL",
      "page, WARNING", "none, WARNING"})
  void mapsTheSeverityLabelDefaultingToWarning(String label, Severity severity) {
    assertThat(AlertmanagerAlerts.severity(label)).isEqualTo(severity);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "summary first                   | s    | d    | s",
      "description when no summary     | none | d    | d",
      "the alert name when neither     | none | none | HighLatency",
  })
  void takesTheSummaryFromTheAnnotations(String intent, String summary, String description, String shown) {
    Map<String, String> annotations = new java.util.HashMap<>();
    if (summary != null) annotations.put("summary", summary);
    if (description != null) annotations.put("description", description);
    ExternalAlert alert = AlertmanagerAlerts.toExternal("am:x:1", Map.of("alertname", "HighLatency", "team", "a"), annotations, false,
        Instant.EPOCH, "alertmanager:x", Map.of("team", "rule", "via", "vigil"));
    assertThat(alert.summary()).as(intent).isEqualTo(shown);
    assertThat(alert.monitor()).isEqualTo("HighLatency");
    assertThat(alert.labels()).as("the alert's labels win over the rule's").containsEntry("team", "a").containsEntry("via", "vigil");
  }

  @Test
  void anUnreachableAlertmanagerIsSaidAndResolvesNothing() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    MemoryVigil vigil = new MemoryVigil();
    vigil.receive(new ExternalAlert("am:team:abc", "HighLatency", Severity.CRITICAL, "s", Map.of(), false, Instant.EPOCH, "alertmanager:team"));
    SourceRule rule = new SourceRule("team", "http://127.0.0.1:" + port + "/", Duration.ofSeconds(1), List.of(), Map.of(), null);
    AlertmanagerSource source = new AlertmanagerSource(rule, vigil, vigil, WEB, Clock.systemUTC());
    assertThatThrownBy(source::poll).isInstanceOf(IOException.class)
        .hasMessage("alertmanager team (http://127.0.0.1:" + port + "): GET /api/v2/alerts: connection refused");
    assertThat(vigil.openAlerts()).hasSize(1);
  }
}
