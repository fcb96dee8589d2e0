package dev.vigil.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyFileTest {
  static final String POLICY = """
      # Vigil policy: who gets woken and when
      timezone: Europe/Berlin   # where I sleep
      overnight: "22:00-08:00"

      # silences and escalation stay untouched
      escalate:
        after: 5m
      """;

  @Test
  void changesValuesInPlaceAndKeepsEveryComment() {
    String out = PolicyFile.write(POLICY, Map.of("timezone", "America/New_York", "overnight", "23:00-07:00"));
    assertThat(out).isEqualTo("""
        # Vigil policy: who gets woken and when
        timezone: America/New_York   # where I sleep
        overnight: "23:00-07:00"

        # silences and escalation stay untouched
        escalate:
          after: 5m
        """);
  }

  @Test
  void appendsAKeyThatWasMissing() {
    String out = PolicyFile.write(POLICY, Map.of("quiet", "00:00-06:00"));
    assertThat(out).endsWith("  after: 5m\nquiet: \"00:00-06:00\"\n");
  }

  @Test
  void replacesABlockValueWithItsIndentedLines() {
    String in = "quiet:\n  from: \"23:00\"\n  to: \"07:00\"\ntimezone: UTC\n";
    assertThat(PolicyFile.write(in, Map.of("quiet", "23:00-07:00"))).isEqualTo("quiet: \"23:00-07:00\"\ntimezone: UTC\n");
  }

  @Test
  void aNullValueRemovesTheKey() {
    Map<String, String> values = new HashMap<>();
    values.put("quiet", null);
    assertThat(PolicyFile.write("timezone: UTC\nquiet: \"23:00-07:00\"  # weekends\n", values)).isEqualTo("timezone: UTC\n");
  }

  @Test
  void anEmptyFileGetsTheKeys() {
    assertThat(PolicyFile.write("", Map.of("timezone", "UTC"))).isEqualTo("timezone: UTC\n");
  }

  @Test
  void nestedKeysOfTheSameNameAreNotTouched() {
    String in = "silences:\n  quiet: true\n";
    assertThat(PolicyFile.write(in, Map.of("quiet", "23:00-07:00"))).isEqualTo("silences:\n  quiet: true\nquiet: \"23:00-07:00\"\n");
  }
}
