package dev.vigil.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.Alert;
import dev.vigil.engine.Engine;
import dev.vigil.rules.RulesLoader;
import dev.vigil.schedule.QuartzScheduler;
import dev.vigil.store.SqliteStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Dns;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint pathology at once, through the whole engine, next to a healthy monitor: each is classified as
 * the person will read it, each check ends within its timeout plus one second, the heap does not grow, and the
 * healthy neighbour keeps its one-second schedule.
 */
class EndpointPathologiesTest {
  static final long MIB = 1 << 20;
  @TempDir Path data;
  @TempDir Path rulesDir;
  final List<AutoCloseable> closeAfter = new CopyOnWriteArrayList<>();
  final List<MockWebServer> servers = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeAfter.size() - 1; i >= 0; i--) closeAfter.get(i).close();
  }

  @Test
  void eachPathologyIsClassifiedEndsInTimeAndLeavesTheHealthyNeighbourOnSchedule() throws Exception {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).build();
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> urls = new LinkedHashMap<>();
    Map<String, String> expect = new LinkedHashMap<>();

    MockWebServer healthy = server(always(new MockResponse.Builder().body("UP").build()));
    urls.put("healthy", healthy.url("/").toString());

    urls.put("unknown-host", "http://nonexistent.invalid/health");
    expected.put("unknown-host", "dns: unknown host nonexistent.invalid");
    urls.put("hanging-dns", "http://hang.test/health");
    expected.put("hanging-dns", "dns: dns lookup timed out");
    urls.put("refused", "http://127.0.0.1:" + closedPort() + "/");
    expected.put("refused", "connect: connection refused");
    urls.put("connect-never-completes", "http://127.0.0.1:" + fullBacklog() + "/");
    expected.put("connect-never-completes", "timeout: timed out after 1s");
    ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    closeAfter.add(silent);
    urls.put("no-response", "http://127.0.0.1:" + silent.getLocalPort() + "/");
    expected.put("no-response", "timeout: timed out after 1s");
    urls.put("dripping-body", server(always(new MockResponse.Builder().body("x".repeat(100))
        .throttleBody(1, 1, TimeUnit.SECONDS).build())).url("/").toString());
    expect.put("dripping-body", "body contains \"UP\"");
    expected.put("dripping-body", "timeout: timed out after 1s");
    urls.put("gibibyte-body", "http://127.0.0.1:" + endless(false) + "/");
    expect.put("gibibyte-body", "body contains \"UP\"");
    expected.put("gibibyte-body", "body: body (no \"UP\" in first 1048576 bytes, truncated) contains \"UP\"");
    urls.put("gzip-bomb", "http://127.0.0.1:" + endless(true) + "/");
    expect.put("gzip-bomb", "body contains \"UP\"");
    expected.put("gzip-bomb", "body: body (no \"UP\" in first 1048576 bytes, truncated) contains \"UP\"");
    urls.put("redirect-loop", server(always(new MockResponse.Builder().code(302).addHeader("Location", "/loop").build()))
        .url("/loop").toString());
    expected.put("redirect-loop", "protocol: redirect loop");
    long dayAgo = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
    urls.put("expired-cert", tls(new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
        .validityInterval(dayAgo - Duration.ofDays(90).toMillis(), dayAgo).signedBy(root).build(), root));
    expected.put("expired-cert", "tls: certificate expired");
    urls.put("self-signed-cert", tls(new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build(), null));
    expected.put("self-signed-cert", "tls: self-signed or untrusted certificate");
    urls.put("wrong-host-cert", tls(new HeldCertificate.Builder().addSubjectAlternativeName("pay.example")
        .signedBy(root).build(), root));
    expected.put("wrong-host-cert", "tls: hostname mismatch");
    urls.put("too-many-requests", server(always(new MockResponse.Builder().code(429).addHeader("Retry-After", "120")
        .build())).url("/").toString());
    expected.put("too-many-requests",
        "status: rate limited (429): retry after 120 s asked, checking again in 10 s (10 intervals at most)");
    urls.put("truncated-body", server(always(new MockResponse.Builder().body("x".repeat(100_000))
        .onResponseBody(new SocketEffect.CloseSocket()).build())).url("/").toString());
    expect.put("truncated-body", "body contains \"x\"");
    expected.put("truncated-body", "body: body truncated: unexpected end of stream");

    StringBuilder yaml = new StringBuilder("monitors:\n");
    urls.forEach((id, url) -> yaml.append("""
          - id: %s
            url: %s
            interval: 1s
            timeout: 1s
            confirm: 1
        """.formatted(id, url)).append(expect.containsKey(id) ? "    expect: ['" + expect.get(id) + "']\n" : ""));
    Files.writeString(rulesDir.resolve("pathologies.yaml"), yaml);
    RulesLoader.LoadResult loaded = RulesLoader.load(rulesDir, Map.of());
    assertThat(loaded.problems()).isEmpty();

    HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(root.certificate()).build();
    Dns dns = host -> switch (host) {
      case "hang.test" -> {
        sleep(Duration.ofSeconds(30));
        throw new UnknownHostException(host);
      }
      case "nonexistent.invalid" -> throw new UnknownHostException(host + ": Name or service not known");
      default -> Dns.SYSTEM.lookup(host);
    };
    HttpChecker http = new HttpChecker(Clock.systemUTC(), HttpChecker.DEFAULT_CONCURRENCY,
        new BoundedDns(dns, HttpChecker.DNS_BUDGET), b -> b.sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()));
    Timed timed = new Timed(http);
    SqliteStore store = SqliteStore.open(data, Clock.systemUTC());
    closeAfter.add(store);

    long heapBefore = usedHeapAfterGc();
    Engine engine = new Engine(loaded.rules(), store, timed, new QuartzScheduler(), Clock.systemUTC());
    closeAfter.add(engine);
    engine.start();
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> store.openAlerts().size() == expected.size());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // the comparison below shows which ones are missing or differ
    }
    Thread.sleep(5_000);
    long heapDuring = usedHeapAfterGc();

    Map<String, String> seen = store.openAlerts().stream().collect(Collectors.toMap(Alert::monitor, Alert::summary));
    assertThat(seen).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(timed.longest()).allSatisfy((id, longest) ->
        assertThat(longest).as("longest check of %s", id).isLessThanOrEqualTo(Duration.ofMillis(2_000 + 300)));
    List<Instant> starts = timed.starts("healthy");
    // At least the 5 s settle period's worth of runs, each within 1.5 s of the previous, the last one recent.
    assertThat(starts).hasSizeGreaterThanOrEqualTo(5);
    assertThat(Duration.between(starts.get(starts.size() - 1), Instant.now())).isLessThan(Duration.ofMillis(1_500));
    for (int i = 1; i < starts.size(); i++) {
      assertThat(Duration.between(starts.get(i - 1), starts.get(i))).as("healthy neighbour between runs")
          .isLessThan(Duration.ofMillis(1_500));
    }
    List<Instant> limited = timed.starts("too-many-requests");
    for (int i = 1; i < limited.size(); i++) {
      assertThat(Duration.between(limited.get(i - 1), limited.get(i))).as("429 with Retry-After: 120 on a 1 s interval: "
          + "the next check waits 10 intervals (the cap), no quick re-check").isGreaterThanOrEqualTo(Duration.ofMillis(9_900));
    }
    assertThat(heapDuring - heapBefore).as("heap growth in bytes").isLessThan(16 * MIB);
    System.out.printf("endpoint pathologies: heap growth %d KiB; longest checks %s%n", (heapDuring - heapBefore) / 1024,
        timed.longest());
  }

  /** Wraps the checker to time every check and remember when each began. */
  static final class Timed implements Checker {
    private final Checker delegate;
    private final Map<String, Duration> longest = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> starts = new ConcurrentHashMap<>();

    Timed(Checker delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompletableFuture<Observation> check(CheckRequest request) {
      long start = System.nanoTime();
      starts.computeIfAbsent(request.monitorId(), k -> new CopyOnWriteArrayList<>()).add(Instant.now());
      return delegate.check(request).whenComplete((o, e) ->
          longest.merge(request.monitorId(), Duration.ofNanos(System.nanoTime() - start), (a, b) -> a.compareTo(b) >= 0 ? a : b));
    }

    Map<String, Duration> longest() {
      return Map.copyOf(longest);
    }

    List<Instant> starts(String id) {
      return List.copyOf(starts.getOrDefault(id, List.of()));
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  private MockWebServer server(Dispatcher dispatcher) throws IOException {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(dispatcher);
    server.start();
    closeAfter.add(server);
    return server;
  }

  private String tls(HeldCertificate leaf, HeldCertificate signer) throws IOException {
    MockWebServer server = new MockWebServer();
    HandshakeCertificates.Builder certs = new HandshakeCertificates.Builder();
    if (signer == null) certs.heldCertificate(leaf);
    else certs.heldCertificate(leaf, signer.certificate());
    server.useHttps(certs.build().sslSocketFactory());
    server.setDispatcher(always(new MockResponse.Builder().body("UP").build()));
    server.start(InetAddress.getLoopbackAddress(), 0);
    closeAfter.add(server);
    return "https://localhost:" + server.getPort() + "/";
  }

  private static Dispatcher always(MockResponse response) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return response;
      }
    };
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** A listening socket that never accepts, its backlog filled first, so a new connect is never answered. */
  private int fullBacklog() throws IOException {
    ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    closeAfter.add(s);
    for (int i = 0; i < 4; i++) {
      Socket filler = new Socket();
      try {
        filler.connect(s.getLocalSocketAddress(), 200);
        closeAfter.add(filler);
      } catch (IOException full) {
        filler.close();
      }
    }
    return s.getLocalPort();
  }

  /**
   * A server that answers 1 GiB generated on the fly: zeros with a Content-Length, or (gzip) a gzip stream of
   * 1 GiB of zeros; it writes until the client goes away.
   */
  private int endless(boolean gzip) throws IOException {
    ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    closeAfter.add(s);
    Thread acceptor = new Thread(() -> {
      while (!s.isClosed()) {
        try {
          Socket client = s.accept();
          Thread writer = new Thread(() -> serveGibibyte(client, gzip), "gibibyte");
          writer.setDaemon(true);
          writer.start();
        } catch (IOException closed) {
          return;
        }
      }
    }, "gibibyte-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return s.getLocalPort();
  }

  private static void serveGibibyte(Socket client, boolean gzip) {
    try (client) {
      client.getInputStream().read(new byte[8192]);
      OutputStream out = client.getOutputStream();
      long gib = 1L << 30;
      String headers = gzip
          ? "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n"
          : "HTTP/1.1 200 OK\r\nContent-Length: " + gib + "\r\n\r\n";
      out.write(headers.getBytes(StandardCharsets.US_ASCII));
      OutputStream body = gzip ? new GZIPOutputStream(out, 64 * 1024) : out;
      byte[] zeros = new byte[64 * 1024];
      for (long sent = 0; sent < gib; sent += zeros.length) body.write(zeros);
      body.close();
    } catch (IOException clientGone) {
      // the checker stopped reading at its cap
    }
  }

  /**
   * The live heap as the last full collection left it: the heap pools' usage right after that GC. Reading
   * {@code totalMemory - freeMemory} instead would also count what the running checks allocate between the GC and
   * the reading (the 1 GiB and gzip-bomb monitors read a MiB a second each), which is not growth.
   */
  private static long usedHeapAfterGc() {
    System.gc();
    long used = 0;
    for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      java.lang.management.MemoryUsage afterGc = pool.getCollectionUsage();
      if (pool.getType() == java.lang.management.MemoryType.HEAP && afterGc != null) used += afterGc.getUsed();
    }
    return used;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
