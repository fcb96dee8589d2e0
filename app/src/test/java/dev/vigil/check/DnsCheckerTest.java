package dev.vigil.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.evaluate.Condition;
import dev.vigil.evaluate.ConditionParser;
import dev.vigil.evaluate.Evaluator;
import dev.vigil.evaluate.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code dns:} checks against a real dnsmasq on a loopback port, answering known records and NXDOMAIN. */
class DnsCheckerTest {
  @TempDir static Path dir;
  private static DnsmasqServer dnsmasq;
  private static DnsChecker checker;

  @BeforeAll
  static void start() throws Exception {
    dnsmasq = new DnsmasqServer(dir,
        "--local=/example/",
        "--address=/db.example/10.0.0.5",
        "--address=/db.example/2001:db8::5",
        "--cname=www.example,db.example",
        "--mx-host=example,mail.example,10",
        "--txt-record=example,v=spf1 mx -all");
    checker = new DnsChecker(Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (checker != null) checker.close();
    if (dnsmasq != null) dnsmasq.close();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("an A record that is there", "db.example", "A", "answer contains \"10.0.0.5\"", true,
            "answer (10.0.0.5) contains \"10.0.0.5\""),
        Arguments.of("a longer address is not the one asked for", "db.example", "A", "answer contains \"10.0.0.50\"", false,
            "answer (10.0.0.5) contains \"10.0.0.50\""),
        Arguments.of("AAAA in its short form", "db.example", "AAAA", "answer contains \"2001:db8::5\"", true,
            "answer (2001:db8::5) contains \"2001:db8::5\""),
        Arguments.of("a CNAME without its final dot", "www.example", "CNAME", "answer contains \"db.example\"", true,
            "answer (db.example) contains \"db.example\""),
        Arguments.of("an MX by its host", "example", "MX", "answer contains \"mail.example\"", true,
            "answer (10 mail.example) contains \"mail.example\""),
        Arguments.of("a TXT by what it contains", "example", "TXT", "answer contains \"spf1\"", true,
            "answer (v=spf1 mx -all) contains \"spf1\""),
        Arguments.of("the response code", "db.example", "A", "rcode == NOERROR", true, "rcode (NOERROR) == NOERROR"),
        Arguments.of("a name that must not exist", "gone.example", "A", "rcode == NXDOMAIN", true,
            "rcode (NXDOMAIN) == NXDOMAIN"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAreJudgedShowingWhatCame(String intent, String name, String record, String condition, boolean passes,
      String shown) throws Exception {
    Verdict v = check(name, record, condition);
    assertThat(v.passed()).isEqualTo(passes);
    assertThat(v.results().get(0).shown()).isEqualTo(shown);
  }

  @Test
  void aNameThatDoesNotExistFailsInWords() throws Exception {
    assertThat(check("gone.example", "A", "answer contains \"10.0.0.5\"").summary()).isEqualTo("dns: NXDOMAIN for gone.example");
    assertThat(check("gone.example", "A").summary()).isEqualTo("dns: NXDOMAIN for gone.example");
  }

  @Test
  void anExplicitRcodeConditionJudgesAnErrorItself() throws Exception {
    assertThat(check("gone.example", "A", "rcode == NOERROR").summary()).isEqualTo("dns: rcode (NXDOMAIN) == NOERROR");
  }

  @Test
  void aNameWithoutTheRecordAskedForFails() throws Exception {
    assertThat(check("www.example", "MX").summary()).isEqualTo("dns: no MX record for www.example");
  }

  @Test
  void aWrongAnswerFailsShowingTheAnswers() throws Exception {
    assertThat(check("db.example", "A", "answer contains \"10.0.0.9\"", "latency < 5s").summary())
        .isEqualTo("dns: answer (10.0.0.5) contains \"10.0.0.9\"");
  }

  @Test
  void aServerThatIsNotThereGivesNoAnswerInTime() throws Exception {
    int silent = LocalTool.freePort();
    Observation o = checker.check(request(new Target.Dns("db.example", "A", new HostPort("127.0.0.1", silent)),
        Duration.ofMillis(500))).join();
    assertThat(Evaluator.evaluate(o, List.of()).summary())
        .isIn("dns: no answer from 127.0.0.1:" + silent + " within 500ms", "dns: no DNS server at 127.0.0.1:" + silent);
  }

  private static Verdict check(String name, String record, String... conditions) throws Exception {
    List<Condition> expect = new ArrayList<>();
    for (String c : conditions) expect.add(ConditionParser.parse(c, Target.Kind.DNS));
    Target target = new Target.Dns(name, record, new HostPort("127.0.0.1", dnsmasq.port));
    return Evaluator.evaluate(checker.check(request(target, Duration.ofSeconds(3))).join(), expect);
  }

  private static CheckRequest request(Target target, Duration timeout) {
    return new CheckRequest("m", target, timeout, Map.of(), false, 1 << 20, false);
  }
}
