package dev.vigil.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpCheckerTest {
  private static final Instant NOW = Instant.parse("2025-01-15T03:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final long MIB = 1 << 20;

  private final MockWebServer server = new MockWebServer();
  private final List<AutoCloseable> closeAfter = new ArrayList<>();
  private HttpChecker checker;

  @BeforeEach
  void setUp() throws Exception {
    server.start();
    checker = HttpChecker.create(CLOCK);
  }

  @AfterEach
  void tearDown() throws Exception {
    checker.close();
    server.close();
    for (AutoCloseable closeable : closeAfter) closeable.close();
  }

  @Test
  void anOkResponseGivesItsStatusHeadersBodyAndStartTime() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"status\":\"UP\"}").build());

    Observation seen = checker.check(get(server.url("/health").toString())).join();

    assertThat(seen.responded()).isTrue();
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.header("content-type")).isEqualTo("application/json");
    assertThat(seen.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(seen.bodyTruncated()).isFalse();
    assertThat(seen.at()).isEqualTo(NOW);
    assertThat(seen.latency()).isPositive();
    assertThat(seen.certNotAfter()).isNull();
  }

  @Test
  void aBodyLargerThanTheCapIsReadOnlyUpToTheCapAndFlaggedTruncated() {
    server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[(int) (5 * MIB)])).build());

    Observation seen = checker.check(request(server.url("/").toString(), Duration.ofSeconds(5), true, MIB, false))
        .join();

    assertThat(seen.responded()).isTrue();
    assertThat(seen.body()).hasSize((int) MIB);
    assertThat(seen.bodyTruncated()).isTrue();
  }

  @Test
  void aBodyExactlyAsLongAsTheCapIsNotTruncated() {
    server.enqueue(new MockResponse.Builder().body("0123456789").build());

    Observation seen = checker.check(request(server.url("/").toString(), Duration.ofSeconds(5), true, 10, false))
        .join();

    assertThat(seen.body()).isEqualTo("0123456789");
    assertThat(seen.bodyTruncated()).isFalse();
  }

  @Test
  void theBodyIsNotReadWhenNoConditionNeedsIt() {
    // Reading this body would take 100 s; the check must be done long before its 3 s timeout.
    server.enqueue(new MockResponse.Builder().body("x".repeat(100)).throttleBody(1, 1, TimeUnit.SECONDS).build());

    Observation seen = checker.check(request(server.url("/").toString(), Duration.ofSeconds(3), false, MIB, false))
        .join();

    assertThat(seen.responded()).isTrue();
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.body()).isNull();
  }

  @Test
  void aBodyCutShortIsABodyFailureThatKeepsTheStatus() {
    server.enqueue(new MockResponse.Builder().body("x".repeat(100_000))
        .onResponseBody(new mockwebserver3.SocketEffect.CloseSocket()).build());

    Observation seen = checker.check(get(server.url("/").toString())).join();

    assertThat(seen.failure()).isEqualTo(FailureClass.BODY);
    assertThat(seen.failureDetail()).isEqualTo("body truncated: unexpected end of stream");
    assertThat(seen.status()).isEqualTo(200);
  }

  @Test
  void aRefusedPortIsAConnectFailure() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }

    Observation seen = checker.check(get("http://127.0.0.1:" + port + "/")).join();

    assertThat(seen.failure()).isEqualTo(FailureClass.CONNECT);
    assertThat(seen.failureDetail()).isEqualTo("connection refused");
    assertThat(seen.status()).isEqualTo(-1);
  }

  @Test
  void anUnknownHostIsADnsFailure() {
    Observation seen = checker.check(get("http://nonexistent.invalid/health")).join();

    assertThat(seen.failure()).isEqualTo(FailureClass.DNS);
    assertThat(seen.failureDetail()).isIn("unknown host nonexistent.invalid", "dns lookup timed out");
  }

  @Test
  void aLookupThatHangsIsADnsFailureWithinTheTimeoutPlusOneSecond() {
    Dns hanging = hostname -> {
      sleep(Duration.ofSeconds(10));
      throw new UnknownHostException(hostname);
    };
    checker = replaceChecker(new BoundedDns(hanging, HttpChecker.DNS_BUDGET), builder -> {});

    long start = System.nanoTime();
    Observation seen = checker.check(request("http://slow-dns.test/", Duration.ofSeconds(1), false, 0, false)).join();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2).plusMillis(500));
    assertThat(seen.failure()).isEqualTo(FailureClass.DNS);
    assertThat(seen.failureDetail()).isEqualTo("dns lookup timed out");
  }

  @Test
  void aServerThatAcceptsButNeverRespondsTimesOutWithinTheTimeoutPlusOneSecond() throws Exception {
    ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    closeAfter.add(silent);

    long start = System.nanoTime();
    Observation seen = checker.check(request(
        "http://127.0.0.1:" + silent.getLocalPort() + "/", Duration.ofSeconds(1), false, 0, false)).join();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(seen.failure()).isEqualTo(FailureClass.TIMEOUT);
    assertThat(seen.failureDetail()).isEqualTo("timed out after 1s");
  }

  @Test
  void aBodyDrippingOneBytePerSecondTimesOutWithinTheCallTimeout() {
    server.enqueue(new MockResponse.Builder().body("x".repeat(100)).throttleBody(1, 1, TimeUnit.SECONDS).build());

    long start = System.nanoTime();
    Observation seen = checker.check(request(server.url("/").toString(), Duration.ofSeconds(2), true, MIB, false))
        .join();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(seen.failure()).isEqualTo(FailureClass.TIMEOUT);
    assertThat(seen.failureDetail()).isEqualTo("timed out after 2s");
  }

  @Test
  void aRedirectLoopIsAProtocolFailure() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(302).addHeader("Location", "/loop").build();
      }
    });

    Observation seen = checker.check(get(server.url("/loop").toString())).join();

    assertThat(seen.failure()).isEqualTo(FailureClass.PROTOCOL);
    assertThat(seen.failureDetail()).isEqualTo("redirect loop");
  }

  @Test
  void redirectsAreFollowedToTheFinalStatus() {
    server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/new").build());
    server.enqueue(new MockResponse.Builder().code(204).build());

    assertThat(checker.check(get(server.url("/old").toString())).join().status()).isEqualTo(204);
  }

  @Test
  void aSelfSignedCertificateIsATlsFailure() {
    HeldCertificate selfSigned = new HeldCertificate.Builder().addSubjectAlternativeName(server.getHostName()).build();
    serveTls(selfSigned);

    Observation seen = checker.check(get(server.url("/").toString())).join();

    assertThat(seen.failure()).isEqualTo(FailureClass.TLS);
    assertThat(seen.failureDetail()).isEqualTo("self-signed or untrusted certificate");
  }

  @Test
  void aTrustedServerGivesWhenItsCertificateExpires() {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).build();
    Instant notAfter = Instant.now().plus(Duration.ofDays(20)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    HeldCertificate leaf = new HeldCertificate.Builder().addSubjectAlternativeName(server.getHostName())
        .validityInterval(System.currentTimeMillis() - 60_000, notAfter.toEpochMilli()).signedBy(root).build();
    serveTls(leaf, root);
    checker = trusting(root);
    server.enqueue(new MockResponse.Builder().body("UP").build());

    Observation seen = checker.check(get(server.url("/").toString())).join();

    assertThat(seen.responded()).isTrue();
    assertThat(seen.certNotAfter()).isEqualTo(notAfter);
  }

  @Test
  void anExpiredCertificateIsATlsFailure() {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).build();
    long dayAgo = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
    HeldCertificate expired = new HeldCertificate.Builder().addSubjectAlternativeName(server.getHostName())
        .validityInterval(dayAgo - Duration.ofDays(90).toMillis(), dayAgo).signedBy(root).build();
    serveTls(expired, root);
    checker = trusting(root);

    Observation seen = checker.check(get(server.url("/").toString())).join();

    assertThat(seen.failure()).isEqualTo(FailureClass.TLS);
    assertThat(seen.failureDetail()).isEqualTo("certificate expired");
  }

  @Test
  void aCertificateForAnotherHostIsATlsFailure() {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).build();
    HeldCertificate other = new HeldCertificate.Builder().addSubjectAlternativeName("pay.example").signedBy(root).build();
    serveTls(other, root);
    checker = trusting(root);

    Observation seen = checker.check(get(server.url("/").toString())).join();

    assertThat(seen.failure()).isEqualTo(FailureClass.TLS);
    assertThat(seen.failureDetail()).isEqualTo("hostname mismatch");
  }

  @Test
  void oneHundredChecksToOneServerReuseAFewConnections() {
    server.setDispatcher(ok());

    for (int i = 0; i < 100; i++) {
      assertThat(checker.check(get(server.url("/").toString())).join().status()).isEqualTo(200);
    }

    HttpChecker.Stats stats = checker.stats();
    assertThat(stats.calls()).isEqualTo(100);
    assertThat(stats.connectionsOpened()).isLessThanOrEqualTo(2);
    assertThat(stats.reuseRatio()).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void aFreshConnectionCheckOpensANewConnectionEachTime() throws Exception {
    server.setDispatcher(ok());
    String url = server.url("/").toString();

    checker.check(get(url)).join();
    checker.check(request(url, Duration.ofSeconds(5), true, MIB, true)).join();
    checker.check(request(url, Duration.ofSeconds(5), true, MIB, true)).join();
    checker.check(get(url)).join();

    assertThat(checker.stats().connectionsOpened()).isEqualTo(3);
    List<Integer> connections = new ArrayList<>();
    for (int i = 0; i < 4; i++) connections.add(server.takeRequest(1, TimeUnit.SECONDS).getConnectionIndex());
    assertThat(connections).containsExactly(0, 1, 2, 0);
  }

  @Test
  void twoHundredChecksToAHangingServerDoNotDelayACheckToAHealthyOne() throws Exception {
    ServerSocket hanging = new ServerSocket(0, 500, InetAddress.getLoopbackAddress());
    closeAfter.add(hanging);
    List<CompletableFuture<Observation>> stuck = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      stuck.add(checker.check(request(
          "http://127.0.0.1:" + hanging.getLocalPort() + "/", Duration.ofSeconds(3), false, 0, false)));
    }
    server.enqueue(new MockResponse.Builder().body("UP").build());

    Observation healthy = checker.check(get(server.url("/").toString())).join();

    assertThat(healthy.status()).isEqualTo(200);
    assertThat(stuck).noneMatch(CompletableFuture::isDone);
    CompletableFuture.allOf(stuck.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    assertThat(stuck).allSatisfy(f -> assertThat(f.join().failure()).isEqualTo(FailureClass.TIMEOUT));
  }

  @Test
  void failureDetailsNeverShowTheQueryUserInfoOrHeaderValues() {
    String url = "http://admin:hunter2@nonexistent.invalid/health?token=hunter2";
    Observation unknown = checker.check(get(url)).join();
    Observation badHeader = checker.check(new CheckRequest("m", server.url("/").toString(), Duration.ofSeconds(1),
        Map.of("Authorization", "Bearer hunter2\n"), false, MIB, false)).join();

    assertThat(unknown.failureDetail()).doesNotContain("hunter2", "admin");
    assertThat(badHeader.failure()).isEqualTo(FailureClass.PROTOCOL);
    assertThat(badHeader.failureDetail()).isEqualTo("invalid header Authorization");
  }

  @Test
  void requestHeadersAreSent() throws Exception {
    server.enqueue(new MockResponse.Builder().build());

    checker.check(new CheckRequest("m", server.url("/").toString(), Duration.ofSeconds(1),
        Map.of("Authorization", "Bearer t0ken"), false, MIB, false)).join();

    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("Bearer t0ken");
  }

  private static CheckRequest get(String url) {
    return request(url, Duration.ofSeconds(5), true, CheckRequest.DEFAULT_BODY_CAP, false);
  }

  private static CheckRequest request(String url, Duration timeout, boolean readBody, long cap, boolean fresh) {
    return new CheckRequest("m", url, timeout, Map.of(), readBody, cap, fresh);
  }

  private static Dispatcher ok() {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        // No body: MockWebServer writes a body apart from the headers, and Nagle's algorithm then holds it ~40 ms.
        return new MockResponse.Builder().code(200).build();
      }
    };
  }

  private void serveTls(HeldCertificate leaf, HeldCertificate... chain) {
    java.security.cert.X509Certificate[] intermediates = new java.security.cert.X509Certificate[chain.length];
    for (int i = 0; i < chain.length; i++) intermediates[i] = chain[i].certificate();
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(leaf, intermediates).build().sslSocketFactory());
  }

  private HttpChecker trusting(HeldCertificate root) {
    HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(root.certificate()).build();
    return replaceChecker(new BoundedDns(Dns.SYSTEM, HttpChecker.DNS_BUDGET),
        builder -> builder.sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()));
  }

  private HttpChecker replaceChecker(BoundedDns dns, Consumer<OkHttpClient.Builder> tls) {
    checker.close();
    return new HttpChecker(CLOCK, HttpChecker.DEFAULT_CONCURRENCY, dns, tls);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
