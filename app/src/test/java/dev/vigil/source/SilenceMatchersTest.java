package dev.vigil.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vigil's silence values as Alertmanager regular expressions: alternatives and prefixes, every other character literal. */
class SilenceMatchersTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      # intent                                  ; value             ; regex
      the same key twice matches either value   ; payments|chat     ; payments|chat
      a prefix                                  ; pay*              ; pay.*
      a prefix among alternatives               ; pay*|chat         ; pay.*|chat
      dots and other regex characters are literal ; db1.example+x   ; db1\\.example\\+x
      """)
  void valuesBecomeAnchoredRegularExpressions(String intent, String value, String regex) {
    assertThat(AlertmanagerClient.regex(value)).isEqualTo(regex);
  }
}
