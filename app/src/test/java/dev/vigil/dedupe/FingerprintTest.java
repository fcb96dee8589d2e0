package dev.vigil.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  @Test
  void aMonitorHasOneProblemAtATimeWhateverTheFailure() {
    assertThat(Fingerprint.ofMonitor("payments-api")).isEqualTo("monitor:payments-api");
    assertThat(Fingerprint.ofHeartbeat("nightly-backup")).isEqualTo("heartbeat:nightly-backup");
    assertThat(Fingerprint.ofMonitor("x")).isNotEqualTo(Fingerprint.ofHeartbeat("x"));
  }

  @Test
  void labelsMakeTheSameFingerprintInAnyOrder() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");
    assertThat(Fingerprint.ofLabels("disk", ab)).isEqualTo(Fingerprint.ofLabels("disk", ba)).startsWith("ext:").hasSize(20);
  }

  @Test
  void anotherMonitorOrAnotherLabelValueIsAnotherProblem() {
    assertThat(Fingerprint.ofLabels("disk", Map.of())).isNotEqualTo(Fingerprint.ofLabels("disk2", Map.of()));
    assertThat(Fingerprint.ofLabels("disk", Map.of("host", "db1"))).isNotEqualTo(Fingerprint.ofLabels("disk", Map.of("host", "db2")));
    assertThat(Fingerprint.ofLabels("disk", Map.of("host", "db1"))).isNotEqualTo(Fingerprint.ofLabels("disk", Map.of()));
  }
}
