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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tls:} checks against real {@code openssl s_server} processes on 127.0.0.1, with certificates made by openssl. */
class TlsCheckerTest {
  @TempDir static Path dir;
  private static OpensslServer openssl;
  private static int expiringSoon;
  private static int wrongHost;
  private static int selfSigned;
  private static TlsChecker trustingTestCa;
  private static TlsChecker systemTrust;

  @BeforeAll
  static void servers() throws Exception {
    openssl = new OpensslServer(dir);
    expiringSoon = openssl.serve(openssl.leaf("soon", "localhost", 3));
    wrongHost = openssl.serve(openssl.leaf("other", "other.example", 90));
    selfSigned = openssl.serve(openssl.selfSigned("self", "localhost", 90));
    trustingTestCa = new TlsChecker(Clock.systemUTC(), openssl.trustingTestCa());
    systemTrust = TlsChecker.create(Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (trustingTestCa != null) trustingTestCa.close();
    if (systemTrust != null) systemTrust.close();
    if (openssl != null) openssl.close();
  }

  @Test
  void aCertificateExpiringSoonFailsInWords() throws Exception {
    Verdict v = check(trustingTestCa, new Target.Tls("localhost", expiringSoon, true), "cert expires > 14d");
    assertThat(v.summary()).isEqualTo("tls: certificate expires in 3 days (< 14d)");
  }

  @Test
  void aTrustedCertificateForTheHostPassesWithItsSubject() throws Exception {
    Verdict v = check(trustingTestCa, new Target.Tls("localhost", expiringSoon, true),
        "cert expires > 1d", "cert subject contains \"CN=localhost\"");
    assertThat(v.passed()).isTrue();
    assertThat(v.results()).extracting(r -> r.shown()).containsExactly(
        "certificate expires in 3 days (> 1d)", "cert subject (\"O=Vigil Tests,CN=localhost\") contains \"CN=localhost\"");
  }

  @Test
  void aCertificateForAnotherHostIsAHostnameMismatch() throws Exception {
    assertThat(check(trustingTestCa, new Target.Tls("localhost", wrongHost, true)).summary())
        .isEqualTo("tls: hostname mismatch");
  }

  @Test
  void aSelfSignedCertificateIsNotTrusted() throws Exception {
    assertThat(check(systemTrust, new Target.Tls("localhost", selfSigned, true)).summary())
        .isEqualTo("tls: self-signed or untrusted certificate");
  }

  @Test
  void verifyFalseReadsAnyCertificateAndStillJudgesItsDates() throws Exception {
    assertThat(check(systemTrust, new Target.Tls("localhost", selfSigned, false), "cert expires > 14d").passed()).isTrue();
    assertThat(check(systemTrust, new Target.Tls("127.0.0.1", wrongHost, false), "cert expires > 100d").summary())
        .isEqualTo("tls: certificate expires in 90 days (< 100d)");
  }

  @Test
  void aPortWithoutTlsFailsTheHandshake() throws Exception {
    int closed = LocalTool.freePort();
    assertThat(check(systemTrust, new Target.Tls("127.0.0.1", closed, true)).summary()).isEqualTo("connect: connection refused");
  }

  private static Verdict check(TlsChecker checker, Target target, String... conditions) throws Exception {
    List<Condition> expect = new ArrayList<>();
    for (String c : conditions) expect.add(ConditionParser.parse(c, target.kind()));
    return Evaluator.evaluate(
        checker.check(new CheckRequest("m", target, Duration.ofSeconds(3), Map.of(), false, 1 << 20, false)).join(), expect);
  }
}
