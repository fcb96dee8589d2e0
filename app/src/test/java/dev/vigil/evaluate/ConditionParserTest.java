package dev.vigil.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.check.FailureClass;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionParserTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                          | text                                  | class    | needs body
      status equals                     | status == 200                         | STATUS   | false
      status differs                    | status != 500                         | STATUS   | false
      status below                      | status < 400                          | STATUS   | false
      status at most                    | status <= 399                         | STATUS   | false
      status above                      | status > 199                          | STATUS   | false
      status at least                   | status >= 200                         | STATUS   | false
      status in a list                  | status in [200, 204]                  | STATUS   | false
      status list without spaces        | status in [200,204]                   | STATUS   | false
      no spaces around operator         | status==200                           | STATUS   | false
      latency in milliseconds           | latency < 800ms                       | TIMEOUT  | false
      latency in seconds                | latency >= 2s                         | TIMEOUT  | false
      body contains quoted              | body contains "UP"                    | BODY     | true
      body contains bare                | body contains all good                | BODY     | true
      body matches regex                | body matches /"ok":\\s*true/          | BODY     | true
      json string                       | json $.status == "UP"                 | BODY     | true
      json not string                   | json $.status != "DOWN"               | BODY     | true
      json number                       | json $.queue.depth < 1000             | BODY     | true
      json decimal                      | json $.ratio >= 0.5                   | BODY     | true
      json boolean                      | json $.ready == true                  | BODY     | true
      json null                         | json $.error == null                  | BODY     | true
      json exists                       | json $.status exists                  | BODY     | true
      json bracket path with space      | json $['a b'] exists                  | BODY     | true
      header contains bare              | header Content-Type contains json     | PROTOCOL | false
      header equals quoted              | header X-Env == "prod"                | PROTOCOL | false
      cert expiry                       | cert expires > 14d                    | TLS      | false
      cert expiry at most               | cert expires <= 30d                   | TLS      | false
      """)
  void validConditionsParse(String intent, String text, FailureClass failureClass, boolean needsBody) throws Exception {
    Condition c = ConditionParser.parse(text);
    assertThat(c.text()).isEqualTo(text);
    assertThat(c.failureClass()).isEqualTo(failureClass);
    assertThat(c.needsBody()).isEqualTo(needsBody);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                        | text                         | column | message
      empty                           | ''                           | 0  | empty condition
      blank                           | '   '                        | 0  | empty condition
      misspelt subject                | stauts == 200                | 0  | 'unknown condition subject "stauts" (did you mean "status"?)'
      unrelated subject               | temperature < 40             | 0  | 'unknown condition subject "temperature" (use status, latency, body, json, header or cert)'
      status without operator         | status 200                   | 7  | 'expected ==, !=, <, <=, >, >= or in after "status"'
      status without operand          | status ==                    | 9  | 'expected a status code after "=="'
      status word operand             | status == ok                 | 10 | '"ok" is not a status code (100-599)'
      status out of range             | status == 700                | 10 | '"700" is not a status code (100-599)'
      status list unclosed            | status in [200, 204          | 19 | 'expected , or ] in the status list'
      status list without bracket     | status in 200                | 10 | 'expected [ after "in"'
      trailing words                  | status == 200 please         | 14 | 'unexpected "please" after the condition'
      latency equality                | latency == 800ms             | 8  | 'expected <, <=, > or >= after "latency"'
      latency without unit            | latency < 800                | 10 | '"800" has no unit (use 500ms, 30s, 5m, 1h, 1d)'
      latency without operand         | latency <                    | 9  | 'expected a duration after "<"'
      body unknown verb               | body has "UP"                | 5  | 'expected contains or matches after "body"'
      body unterminated string        | body contains "UP            | 14 | unterminated string
      body contains nothing           | body contains                | 13 | 'expected text after "contains"'
      body bad regex                  | body matches /(unclosed/     | 23 | 'bad regex: Unclosed group'
      body unterminated regex         | body matches /abc            | 13 | 'unterminated regex (end it with /)'
      json without dollar             | json status == "UP"          | 5  | 'expected a JSON path starting with $'
      json bad path                   | json $.[ == 1                | 5  | 'bad JSON path "$.[ == 1": Could not parse token starting at position 2. Expected ?, '', 0-9, * '
      json without operator           | json $.status "UP"           | 14 | 'expected ==, !=, <, <=, >, >= or exists after the JSON path'
      json bare word operand          | json $.status == UP          | 17 | 'expected a quoted string, number, true, false or null, not "UP"'
      json ordering a string          | json $.status < "UP"         | 16 | '"<" needs a number'
      json without operand            | json $.status ==             | 16 | 'expected a value after "=="'
      header without name             | header                       | 6  | 'expected a header name after "header"'
      header without verb             | header X-Env prod            | 13 | 'expected contains or == after the header name'
      header without text             | header X-Env contains        | 21 | 'expected text after "contains"'
      cert without expires            | cert > 14d                   | 5  | 'expected "expires" or "subject" after "cert"'
      cert bad duration               | cert expires > two weeks     | 15 | '"two" is not a duration (use 500ms, 30s, 5m, 1h, 1d)'
      """)
  void invalidConditionsAreRefusedWithMessageAndColumn(String intent, String text, int column, String message) {
    assertThatThrownBy(() -> ConditionParser.parse(text))
        .isInstanceOfSatisfying(ConditionSyntaxException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(message);
          assertThat(e.column()).isEqualTo(column);
        });
  }

  @Property(tries = 3000)
  void anyTextEitherParsesOrIsASyntaxError(@ForAll String text) {
    try {
      assertThat(ConditionParser.parse(text)).isNotNull();
    } catch (ConditionSyntaxException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.column()).isBetween(0, text.length());
    }
  }

  @Property(tries = 3000)
  void textAfterAKnownSubjectEitherParsesOrIsASyntaxError(
      @ForAll("subjects") String subject, @ForAll String rest) {
    String text = subject + " " + rest;
    try {
      assertThat(ConditionParser.parse(text).text()).isEqualTo(text);
    } catch (ConditionSyntaxException e) {
      assertThat(e.column()).isBetween(0, text.length());
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> subjects() {
    return net.jqwik.api.Arbitraries.of(
        "status", "status in [", "latency <", "body contains", "body matches /", "json $", "json $.a ==",
        "header X", "header X ==", "cert expires >");
  }
}
