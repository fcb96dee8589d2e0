package dev.vigil.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RootCauseTest {
  static final Map<String, List<String>> DEPENDS_ON = Map.of(
      "api", List.of("app-db", "cache"),
      "app-db", List.of("core-db"),
      "cache", List.of(),
      "a", List.of("b"),
      "b", List.of("a"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                                   | monitor | failing              | held by
      no parent fails: not held                   | api     | api                  | ''
      its parent fails: held by it                | api     | api cache            | cache
      a chain fails: held by the root             | api     | api app-db core-db   | core-db
      only the grandparent fails: not held        | api     | api core-db          | ''
      first failing parent in order wins         | api     | api app-db cache     | app-db
      a monitor without parents is never held     | core-db | core-db              | ''
      a cycle ends the walk                       | a       | a b                  | b
      """)
  void heldBy(String intent, String monitor, String failing, String heldBy) {
    Set<String> down = Set.copyOf(Arrays.asList(failing.split(" ")));
    assertThat(RootCause.of(monitor, DEPENDS_ON, down::contains).orElse("")).as(intent).isEqualTo(heldBy);
  }
}
