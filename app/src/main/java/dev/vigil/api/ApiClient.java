package dev.vigil.api;

import dev.vigil.config.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Talks to the Vigil running on this machine through its local API, as the command line does while
 * {@code vigil run} is active on the same data folder: the token is read from {@code DATA/api-token}.
 */
public final class ApiClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** An answer: the HTTP status and the body as text. */
  public record Response(int status, String body) {
    public boolean ok() {
      return status / 100 == 2;
    }
  }

  private final HttpClient http;
  private final URI base;
  private final Path dataDir;

  private ApiClient(HttpClient http, int port, Path dataDir) {
    this.http = http;
    this.base = URI.create("http://127.0.0.1:" + port);
    this.dataDir = dataDir;
  }

  /** A client for the instance expected on 127.0.0.1:{@code port} with the token of {@code dataDir}. */
  public static ApiClient forInstance(Path dataDir, int port) {
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .proxy(HttpClient.Builder.NO_PROXY)
        .build();
    return new ApiClient(http, port, dataDir);
  }

  /** True when a Vigil answers {@code GET /api/health} there (quickly: connection refused is the usual no). */
  public boolean isRunning() {
    try {
      HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/health")).timeout(Duration.ofSeconds(2)).GET().build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"ok\"");
    } catch (ConnectException e) {
      return false;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code GET path} with the token. */
  public Response get(String path) throws IOException {
    return send(request(path).GET().build());
  }

  /** {@code POST path} with a JSON body (empty for none) and the token. */
  public Response post(String path, String json) throws IOException {
    HttpRequest.BodyPublisher body = json == null || json.isEmpty()
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    HttpRequest.Builder builder = request(path).POST(body);
    if (json != null && !json.isEmpty()) builder.header("Content-Type", "application/json");
    return send(builder.build());
  }

  /** Records a heartbeat ping; false when the running instance has no heartbeat with that id. */
  public boolean heartbeat(String id) throws IOException {
    Response response = post("/api/heartbeat/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"), "");
    if (response.status() == 404) return false;
    if (!response.ok()) throw new IOException("heartbeat " + id + ": HTTP " + response.status() + " " + response.body());
    return true;
  }

  /** {@code vigil ack ID --note TEXT} against the running instance; 404 when no open alert has that id. */
  public Response acknowledge(long id, String note, String actor) throws IOException {
    return post("/api/alerts/" + id + "/acknowledge", action(note, actor));
  }

  /** {@code vigil resolve ID --note TEXT} against the running instance; 404 when no open alert has that id. */
  public Response resolve(long id, String note, String actor) throws IOException {
    return post("/api/alerts/" + id + "/resolve", action(note, actor));
  }

  /** {@code vigil snooze ID --for D} against the running instance; 404 when no open alert has that id. */
  public Response snooze(long id, java.time.Instant until, String actor) throws IOException {
    java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
    body.put("until", until.toString());
    if (actor != null) body.put("actor", actor);
    return post("/api/alerts/" + id + "/snooze", Json.MAPPER.writeValueAsString(body));
  }

  /** Pauses a monitor of the running instance until {@code until}. */
  public Response pauseMonitor(String id, java.time.Instant until, String actor) throws IOException {
    java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
    body.put("until", until.toString());
    if (actor != null) body.put("actor", actor);
    return post("/api/monitors/" + encode(id) + "/pause", Json.MAPPER.writeValueAsString(body));
  }

  public Response resumeMonitor(String id, String actor) throws IOException {
    return post("/api/monitors/" + encode(id) + "/resume", action(null, actor));
  }

  private static String encode(String id) {
    return java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String action(String note, String actor) throws IOException {
    java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
    if (note != null) body.put("note", note);
    if (actor != null) body.put("actor", actor);
    return Json.MAPPER.writeValueAsString(body);
  }

  private HttpRequest.Builder request(String path) throws IOException {
    String token = ApiToken.load(dataDir).value();
    return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token);
  }

  private Response send(HttpRequest request) throws IOException {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted talking to Vigil on " + base, e);
    }
  }
}
