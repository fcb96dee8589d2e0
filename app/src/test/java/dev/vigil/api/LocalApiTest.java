package dev.vigil.api;

import dev.vigil.config.Json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alert.Alert;
import dev.vigil.source.MemoryVigil;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalApiTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-29T01:30:00Z"), ZoneId.of("Europe/Berlin"));

  @TempDir Path dataDir;
  private MemoryVigil vigil;
  private LocalApi api;
  private String token;
  private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

  @BeforeEach
  void start() throws IOException {
    vigil = new MemoryVigil("nightly-backup");
    api = LocalApi.start(0, dataDir, vigil, vigil, CLOCK);
    token = Files.readString(dataDir.resolve("api-token")).trim();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> postJson(String path, String json) throws Exception {
    return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static JsonNode json(String body) throws IOException {
    return Json.MAPPER.readTree(body);
  }

  @Test
  void healthAnswersWithoutAToken() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/health")));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void statusNeedsTheTokenAndAnswersWhatTheWatchSupplies() throws Exception {
    HttpResponse<String> none = send(request("/api/status"));
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(json(none.body()).get("error").asText()).isEqualTo("no status here");
    api.status(() -> java.util.Map.of("running", true));
    HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/status")));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> status = send(request("/api/status"));
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).isEqualTo("{\"running\":true}");
    assertThat(send(request("/api/status").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(405);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no Authorization header           | ",
      "a wrong token                     | Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "the token as Basic, not Bearer    | Basic TOKEN",
      "the token with a character more   | Bearer TOKENx",
      "Bearer and nothing                | Bearer ",
  })
  void refusesAMissingOrWrongToken(String intent, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/alerts"));
    if (authorization != null && !authorization.isBlank()) request.header("Authorization", authorization.replace("TOKEN", token));
    HttpResponse<String> response = send(request);
    assertThat(response.statusCode()).as(intent).isEqualTo(401);
    assertThat(json(response.body()).get("error").asText()).startsWith("missing or wrong token");
  }

  @Test
  void acceptsTheTokenWhateverTheCaseOfBearer() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/alerts"))
        .header("Authorization", "bearer " + token));
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @ParameterizedTest(name = "Host: {0} -> {1}")
  @CsvSource({
      "evil.example:PORT,        403",
      "evil.example,             403",
      "127.0.0.1,                403",
      "127.0.0.1:1,              403",
      "192.168.1.10:PORT,        403",
      "localhost.evil.com:PORT,  403",
      "127.0.0.1:PORT,           200",
      "localhost:PORT,           200",
      "LOCALHOST:PORT,           200",
  })
  void checksTheHostHeaderAgainstDnsRebinding(String host, int status) throws Exception {
    String response = RawHttp.exchange(api.port(), "GET /api/alerts HTTP/1.1\r\nHost: " + host.replace("PORT", "" + api.port())
        + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 " + status);
  }

  @Test
  void refusesARequestWithoutHost() throws Exception {
    String response = RawHttp.exchange(api.port(), "GET /api/health HTTP/1.0\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 403");
  }

  @ParameterizedTest(name = "Origin: {0} -> {1}")
  @CsvSource({
      "http://evil.example,        403",
      "null,                       403",
      "http://127.0.0.1:1,         403",
      "https://127.0.0.1:PORT,     403",
      "http://127.0.0.1:PORT,      200",
      "http://localhost:PORT,      200",
  })
  void refusesAForeignOrigin(String origin, int status) throws Exception {
    HttpResponse<String> response = send(request("/api/alerts").header("Origin", origin.replace("PORT", "" + api.port())));
    assertThat(response.statusCode()).isEqualTo(status);
  }

  @Test
  void refusesACrossSiteFormPostAsText() throws Exception {
    HttpResponse<String> response = send(request("/api/alerts").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("{\"monitor\":\"x\"}")));
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(json(response.body()).get("error").asText()).isEqualTo("the body must be Content-Type: application/json");
    assertThat(vigil.received).isEmpty();
  }

  @Test
  void refusesATenMegabyteBodyBeforeReadingIt() throws Exception {
    long started = System.nanoTime();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/alerts HTTP/1.1\r\nHost: 127.0.0.1:" + api.port() + "\r\nAuthorization: Bearer " + token
          + "\r\nContent-Type: application/json\r\nContent-Length: " + (10 * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[16 * 1024]); // a start of the body, far from all of it
      out.flush();
      String status = readLine(socket.getInputStream());
      assertThat(status).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
    }
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_000);
    assertThat(vigil.received).isEmpty();
  }

  /**
   * With Nagle's algorithm on, the JDK server's body write waits for the client's delayed ACK (40 ms on Linux) on
   * a kept-alive connection. Linux acknowledges at once (quick ACK) at most 16 segments at a connection's start, so
   * of 50 answers at least 34 wait: 1.36 s or more, against a few ms each without the wait.
   */
  @Test
  void answersAKeptAliveConnectionWithoutWaitingForTheClientsAck() throws Exception {
    String request = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:" + api.port() + "\r\n\r\n";
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
      socket.setSoTimeout(5_000);
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      long started = System.nanoTime();
      for (int i = 0; i < 50; i++) {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        assertThat(readLine(in)).isEqualTo("HTTP/1.1 200 OK");
        int length = -1;
        for (String h; !(h = readLine(in)).isEmpty(); ) {
          if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(h.substring(15).trim());
        }
        assertThat(length).as("content-length").isPositive();
        assertThat(in.readNBytes(length)).hasSize(length);
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertThat(millis).as("50 answers on one connection (ms); is sun.net.httpserver.nodelay in force?").isLessThan(1_000);
    }
  }

  @Test
  void refusesAChunkedBodyOnceItPassesTheLimit() throws Exception {
    byte[] big = new byte[LocalApi.MAX_BODY + 10];
    java.util.Arrays.fill(big, (byte) ' ');
    HttpResponse<String> response = send(request("/api/alerts").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void cutsOffClientsThatSendTheirHeadersOrTheirBodySlowly() throws Exception {
    long limitSeconds = Long.getLong("sun.net.httpserver.maxReqTime");
    String slowHeaders = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:" + api.port() + "\r\nX-Slow: " + "a".repeat(200) + "\r\n\r\n";
    String slowBody = "POST /api/alerts HTTP/1.1\r\nHost: 127.0.0.1:" + api.port() + "\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n" + " ".repeat(200);
    int headerEnd = slowBody.indexOf("\r\n\r\n") + 4;
    var headers = java.util.concurrent.CompletableFuture.supplyAsync(() -> secondsUntilCut(slowHeaders, 0));
    var body = java.util.concurrent.CompletableFuture.supplyAsync(() -> secondsUntilCut(slowBody, headerEnd));
    String hint = "the connection stayed open: is sun.net.httpserver.maxReqTime in force"
        + " (an HttpServer created before HttpServerLimits.apply() makes the JDK ignore it)?";
    assertThat(headers.get()).as("slow headers cut after (s); " + hint).isBetween(limitSeconds - 1, limitSeconds + 3);
    assertThat(body.get()).as("slow body cut after (s); " + hint).isBetween(limitSeconds - 1, limitSeconds + 3);
    assertThat(vigil.received).isEmpty();
  }

  /**
   * Sends {@code fast} bytes at once, the rest one byte a second; seconds until the server closed the connection
   * (giving up 5 s after the limit).
   */
  private long secondsUntilCut(String request, int fast) {
    byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
    long started = System.nanoTime();
    long giveUp = started + (Long.getLong("sun.net.httpserver.maxReqTime") + 5) * 1_000_000_000L;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(bytes, 0, fast);
      for (int i = fast; i < bytes.length && System.nanoTime() < giveUp; i++) {
        out.write(bytes[i]);
        out.flush();
        socket.setSoTimeout(1_000);
        try {
          int read = socket.getInputStream().read();
          if (read == -1) break;
          throw new AssertionError("the server answered a request it has not fully received: " + (char) read);
        } catch (java.net.SocketTimeoutException stillOpen) {
          // the server is still waiting: one more byte
        }
      }
    } catch (SocketException closed) {
      // cut off while writing
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return (System.nanoTime() - started) / 1_000_000_000;
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    assertThat(api.address().getAddress().isLoopbackAddress()).isTrue();
    assertThat(api.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    List<InetAddress> others = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (!address.isLoopbackAddress() && address instanceof Inet4Address) others.add(address);
      }
    }
    // This machine's own addresses (traffic to them stays on the host): nobody listens there.
    for (InetAddress address : others) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address, api.port()), 1_000);
        throw new AssertionError("the API answered on " + address.getHostAddress());
      } catch (ConnectException refused) {
        // as it should
      }
    }
    // The kernel's own list of listening sockets (IPv4 and v4-mapped IPv6): only 127.0.0.1 on this port.
    String port = String.format(Locale.ROOT, ":%04X", api.port());
    List<String> listening = new ArrayList<>();
    for (Path table : List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"))) {
      if (!Files.isReadable(table)) continue;
      for (String line : Files.readAllLines(table)) {
        String[] columns = line.trim().split("\\s+");
        if (columns.length > 3 && columns[1].endsWith(port) && columns[3].equals("0A")) listening.add(columns[1]);
      }
    }
    if (Files.isReadable(Path.of("/proc/net/tcp"))) {
      assertThat(listening).isNotEmpty().allSatisfy(local -> assertThat(local).endsWith("0100007F" + port));
    }
  }

  @Test
  void saysWhichAddressIsTakenWhenThePortIsInUse() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalApi.start(api.port(), dataDir, vigil, vigil, CLOCK))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessage("cannot listen on 127.0.0.1:" + api.port() + ": Address already in use");
  }

  @Test
  void keepsTheTokenInAFileOnlyItsOwnerCanRead() throws Exception {
    Path file = dataDir.resolve("api-token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    api.close();
    api = LocalApi.start(0, dataDir, vigil, vigil, CLOCK);
    assertThat(Files.readString(file).trim()).as("a restart keeps the token").isEqualTo(token);
  }

  @Test
  void narrowsATokenFileOthersCouldRead(@TempDir Path other) throws Exception {
    Path file = other.resolve("api-token");
    Files.writeString(file, "handwritten-token\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(ApiToken.loadOrCreate(other).value()).isEqualTo("handwritten-token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    Path fresh = other.resolve("new-data");
    ApiToken.loadOrCreate(fresh);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
  }

  @Test
  void recordsAHeartbeat() throws Exception {
    HttpResponse<String> known = send(request("/api/heartbeat/nightly-backup").POST(HttpRequest.BodyPublishers.noBody()));
    HttpResponse<String> unknown = send(request("/api/heartbeat/nobody").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(known.statusCode()).isEqualTo(204);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown.body()).get("error").asText()).isEqualTo("no heartbeat \"nobody\" in the rules");
    assertThat(vigil.pings).containsExactly("nightly-backup@2026-03-29T01:30:00Z");
  }

  @Test
  void theSameAlertTwiceMakesOneAlert() throws Exception {
    String body = "{\"monitor\":\"disk\",\"severity\":\"critical\",\"summary\":\"disk full\",\"labels\":{\"host\":\"a\",\"dc\":\"x\"}}";
    String reordered = "{\"labels\":{\"dc\":\"x\",\"host\":\"a\"},\"summary\":\"disk full\",\"severity\":\"critical\",\"monitor\":\"disk\"}";
    assertThat(postJson("/api/alerts", body).statusCode()).isEqualTo(200);
    assertThat(postJson("/api/alerts", reordered).statusCode()).isEqualTo(200);
    assertThat(vigil.openAlerts()).hasSize(1);
    assertThat(vigil.received.get(0).fingerprint()).isEqualTo(vigil.received.get(1).fingerprint()).startsWith("api:");

    HttpResponse<String> resolved = postJson("/api/alerts", body.replace("}}", "},\"state\":\"resolved\"}"));
    assertThat(resolved.statusCode()).isEqualTo(200);
    assertThat(vigil.openAlerts()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no monitor          | {\"summary\":\"x\"}                         | \"monitor\" is required",
      "an unknown severity | {\"monitor\":\"m\",\"severity\":\"high\"}   | \"severity\" must be critical, warning or info, not \"high\"",
      "an unknown state    | {\"monitor\":\"m\",\"state\":\"open\"}      | \"state\" must be firing or resolved, not \"open\"",
      "labels not strings  | {\"monitor\":\"m\",\"labels\":{\"a\":[1]}}  | \"labels.a\" must be a string",
      "second of two bad   | [{\"monitor\":\"m\"},{\"summary\":\"s\"}]   | \"[1].monitor\" is required",
      "not JSON            | monitor=m                                   | the body is not JSON: Unrecognized token 'monitor': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
  })
  void saysWhatIsWrongWithAnAlert(String intent, String body, String message) throws Exception {
    HttpResponse<String> response = postJson("/api/alerts", body);
    assertThat(response.statusCode()).as(intent).isEqualTo(400);
    assertThat(json(response.body()).get("error").asText()).isEqualTo(message);
  }

  @Test
  void takesAnAlertmanagerWebhookIdempotently() throws Exception {
    String payload = """
        {"version":"4","groupKey":"{}:{alertname=\\"HighLatency\\"}","status":"firing","receiver":"vigil",
         "groupLabels":{"alertname":"HighLatency"},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am",
         "alerts":[
          {"status":"firing","labels":{"alertname":"HighLatency","severity":"critical","service":"pay"},
           "annotations":{"summary":"p99 latency 2.3s","description":"long"},"startsAt":"2026-03-29T01:29:00Z",
           "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prom","fingerprint":"c0ffee"},
          {"status":"firing","labels":{"alertname":"DiskFull","severity":"page"},
           "annotations":{"description":"disk 97%"},"fingerprint":"beef"}]}
        """;
    assertThat(postJson("/api/alertmanager", payload).statusCode()).isEqualTo(200);
    assertThat(postJson("/api/alertmanager", payload).statusCode()).isEqualTo(200);
    List<Alert> open = vigil.openAlerts();
    assertThat(open).hasSize(2);
    assertThat(open).extracting(Alert::fingerprint).containsExactlyInAnyOrder("am:webhook:c0ffee", "am:webhook:beef");
    assertThat(open).extracting(Alert::monitor, a -> a.severity().label(), Alert::summary).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("HighLatency", "critical", "p99 latency 2.3s"),
        org.assertj.core.groups.Tuple.tuple("DiskFull", "warning", "disk 97%"));

    postJson("/api/alertmanager", payload.replace("\"status\":\"firing\",\"labels\":{\"alertname\":\"HighLatency\"",
        "\"status\":\"resolved\",\"labels\":{\"alertname\":\"HighLatency\""));
    assertThat(vigil.openAlerts()).extracting(Alert::monitor).containsExactly("DiskFull");
  }

  @Test
  void listsOpenAlertsAsVigilAlertJson() throws Exception {
    postJson("/api/alerts", "{\"monitor\":\"disk\",\"severity\":\"info\",\"summary\":\"disk 80%\",\"labels\":{\"host\":\"a\"}}");
    HttpResponse<String> response = send(request("/api/alerts"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    JsonNode alert = json(response.body()).get(0);
    List<String> fields = new ArrayList<>();
    alert.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("id", "monitor", "severity", "state", "firstSeen", "lastSeen", "resolvedAt", "count", "reopens", "summary", "labels", "heldBy");
    assertThat(alert.get("state").asText()).isEqualTo("firing");
    assertThat(alert.get("firstSeen").asText()).as("Berlin, summer time began at 01:00 UTC").isEqualTo("2026-03-29T03:30:00+02:00");
    assertThat(alert.get("resolvedAt").isNull()).isTrue();
    assertThat(alert.get("labels").get("host").asText()).isEqualTo("a");
  }

  @Test
  void acknowledgesAndResolvesForTheCommandLine() throws Exception {
    postJson("/api/alerts", "{\"monitor\":\"disk\"}");
    long id = vigil.openAlerts().get(0).id();
    HttpResponse<String> acked = postJson("/api/alerts/" + id + "/acknowledge", "{\"note\":\"on it\",\"actor\":\"cli\"}");
    assertThat(acked.statusCode()).isEqualTo(200);
    assertThat(json(acked.body()).get("state").asText()).isEqualTo("acknowledged");
    assertThat(vigil.timeline(id)).last().satisfies(e -> {
      assertThat(e.note()).isEqualTo("on it");
      assertThat(e.actor()).isEqualTo("cli");
    });
    HttpResponse<String> resolved = send(request("/api/alerts/" + id + "/resolve").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(json(resolved.body()).get("state").asText()).isEqualTo("resolved");
    assertThat(vigil.timeline(id)).last().extracting(e -> e.actor()).isEqualTo("api");
    HttpResponse<String> again = send(request("/api/alerts/" + id + "/resolve").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(json(again.body()).get("error").asText()).isEqualTo("no open alert " + id);
    assertThat(send(request("/api/alerts/x/resolve").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
  }

  @Test
  void snoozesForTheCommandLineUntilATimeInTheFuture() throws Exception {
    postJson("/api/alerts", "{\"monitor\":\"disk\"}");
    long id = vigil.openAlerts().get(0).id();
    HttpResponse<String> missing = postJson("/api/alerts/" + id + "/snooze", "{\"actor\":\"cli\"}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(json(missing.body()).get("error").asText()).contains("a snooze needs \"until\"");
    HttpResponse<String> past = postJson("/api/alerts/" + id + "/snooze", "{\"until\":\"2026-03-29T01:00:00Z\"}");
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(json(past.body()).get("error").asText()).isEqualTo("\"until\" must be in the future");
    HttpResponse<String> garbled = postJson("/api/alerts/" + id + "/snooze", "{\"until\":\"tomorrow\"}");
    assertThat(garbled.statusCode()).isEqualTo(400);
    assertThat(json(garbled.body()).get("error").asText()).contains("not \"tomorrow\"");
    assertThat(vigil.find(id).orElseThrow().snoozedUntil()).as("refused snoozes change nothing").isNull();

    ApiClient client = ApiClient.forInstance(dataDir, api.port());
    ApiClient.Response snoozed = client.snooze(id, Instant.parse("2026-03-29T02:30:00Z"), "cli");
    assertThat(snoozed.status()).isEqualTo(200);
    assertThat(json(snoozed.body()).get("snoozedUntil").asText()).isEqualTo("2026-03-29T04:30:00+02:00");
    assertThat(vigil.find(id).orElseThrow().snoozedUntil()).isEqualTo(Instant.parse("2026-03-29T02:30:00Z"));
    assertThat(vigil.timeline(id)).last().extracting(e -> e.actor()).isEqualTo("cli");
  }

  @Test
  void answersUnknownPathsAndMethods() throws Exception {
    assertThat(send(request("/api/nothing")).statusCode()).isEqualTo(404);
    assertThat(send(request("/api/heartbeat/x")).statusCode()).isEqualTo(405);
    assertThat(send(request("/api/alerts").DELETE()).statusCode()).isEqualTo(405);
  }

  @Test
  void theClientFindsTheRunningInstanceAndSpeaksWithItsToken() throws Exception {
    ApiClient client = ApiClient.forInstance(dataDir, api.port());
    assertThat(client.isRunning()).isTrue();
    assertThat(client.heartbeat("nightly-backup")).isTrue();
    assertThat(client.heartbeat("nobody")).isFalse();
    assertThat(client.post("/api/alerts", "{\"monitor\":\"m\"}").status()).isEqualTo(200);
    assertThat(json(client.get("/api/alerts").body())).hasSize(1);
    long id = vigil.openAlerts().get(0).id();
    assertThat(client.acknowledge(id, "on it", "cli").status()).isEqualTo(200);
    assertThat(client.resolve(id, null, "cli").status()).isEqualTo(200);
    assertThat(client.resolve(id, null, "cli").status()).isEqualTo(404);
    int port = api.port();
    api.close();
    assertThat(ApiClient.forInstance(dataDir, port).isRunning()).isFalse();
    api = LocalApi.start(0, dataDir, vigil, vigil, CLOCK);
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') if (c != '\r') line.append((char) c);
    return line.toString();
  }
}
