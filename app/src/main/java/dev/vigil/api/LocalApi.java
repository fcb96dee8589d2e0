package dev.vigil.api;

import dev.vigil.config.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertJson;
import dev.vigil.alert.ExternalAlert;
import dev.vigil.alert.Intake;
import dev.vigil.store.AlertDesk;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local API on 127.0.0.1 (never another address): heartbeats, alerts pushed by scripts, Alertmanager and
 * Grafana webhooks, the open alerts, acknowledge and resolve for the command line, and {@code GET /api/status}
 * for {@code vigil status}. {@code GET /api/instance} names the data folder it serves ({@link FolderIdentity}), so a
 * command proves it talks to its own folder's Vigil.
 *
 * <p>Every request must name this server in its {@code Host} header ({@code 127.0.0.1:PORT} or
 * {@code localhost:PORT}; 403 otherwise, against DNS rebinding), carry no foreign {@code Origin} (403), and,
 * except {@code GET /api/health}, present {@code Authorization: Bearer TOKEN} with the token of
 * {@code DATA/api-token} (401). A POST body must be {@code application/json} (415) and at most 64 KiB, 1 MiB for
 * Alertmanager (413, answered without reading the rest). A client that is slow to send its request is cut off
 * after 10 s ({@link HttpServerLimits}).
 *
 * <p>Health needs no token on purpose: it tells only that Vigil runs here, which a self-monitor or a second
 * {@code vigil} command needs to know before it has the token; it is still subject to the Host and Origin checks.
 */
public final class LocalApi implements AutoCloseable {
  public static final int DEFAULT_PORT = 17711;
  static final int MAX_BODY = 64 * 1024;
  static final int MAX_ALERTMANAGER_BODY = 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(LocalApi.class);

  static {
    HttpServerLimits.apply();
  }

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final ApiToken token;
  private final Intake intake;
  private final AlertDesk store;
  private final Clock clock;
  private final int port;
  private final FolderIdentity folder;
  private volatile java.util.function.Supplier<Object> status = () -> null;
  private volatile Monitors monitors;

  /** What answers {@code /api/monitors}: the board, and pausing one monitor. */
  public interface Monitors {
    /** One JSON object per monitor (see {@code vigil monitors --json}), in the board's order. */
    List<Map<String, Object>> board(java.time.ZoneId zone);

    /** False when no such monitor is watched. */
    boolean pause(String id, java.time.Instant until, String actor);

    /** True when it was paused. */
    boolean resume(String id, String actor);
  }

  private LocalApi(HttpServer server, ThreadPoolExecutor executor, ApiToken token, Intake intake, AlertDesk store, Clock clock,
      FolderIdentity folder) {
    this.folder = folder;
    this.server = server;
    this.executor = executor;
    this.token = token;
    this.intake = intake;
    this.store = store;
    this.clock = clock;
    this.port = server.getAddress().getPort();
  }

  /**
   * Starts the API on 127.0.0.1:{@code port} ({@code 0}: any free port, see {@link #port()}), creating the token
   * file in {@code dataDir} when missing.
   *
   * @throws UncheckedIOException when the port cannot be bound, naming the address
   */
  public static LocalApi start(int port, Path dataDir, Intake intake, AlertDesk store, Clock clock) {
    HttpServerLimits.apply();
    ApiToken token = ApiToken.loadOrCreate(dataDir);
    HttpServer server;
    try {
      // 127.0.0.1 itself, not "the loopback address", which is ::1 where Java prefers IPv6.
      InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(loopback, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32), r -> {
      Thread t = new Thread(r, "vigil-api-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    FolderIdentity folder = FolderIdentity.of(dataDir).orElse(new FolderIdentity(dataDir.toAbsolutePath().toString(), ""));
    LocalApi api = new LocalApi(server, executor, token, intake, store, clock, folder);
    server.setExecutor(executor);
    server.createContext("/", api::handle);
    server.start();
    log.info("local API listening on 127.0.0.1:{}", api.port);
    return api;
  }

  /** What {@code GET /api/status} answers (what {@code vigil status} shows): a JSON-able value, made at each call. */
  public void status(java.util.function.Supplier<Object> status) {
    this.status = status;
  }

  /** Answers {@code GET /api/monitors} and {@code POST /api/monitors/ID/pause|resume} (404 until it is set). */
  public void monitors(Monitors monitors) {
    this.monitors = monitors;
  }

  /** The port it listens on (the one chosen when started with 0). */
  public int port() {
    return port;
  }

  /** The bound address: always the loopback address. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** An answer: status and JSON body (null for none). */
  record Reply(int status, Object body) {
    static Reply error(int status, String message) {
      return new Reply(status, Map.of("error", message));
    }
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      Reply reply;
      try {
        reply = route(exchange);
      } catch (RuntimeException e) {
        log.warn("local API: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
        reply = Reply.error(500, "internal error: " + e.getMessage());
      }
      send(exchange, reply);
    } catch (IOException e) {
      log.debug("local API: client went away: {}", e.getMessage());
    }
  }

  private Reply route(HttpExchange exchange) throws IOException {
    Headers headers = exchange.getRequestHeaders();
    List<String> hosts = headers.get("Host");
    if (hosts == null || hosts.size() != 1 || !isOwnAuthority(hosts.get(0), "")) {
      return Reply.error(403, "the Host header must be 127.0.0.1:" + port + " or localhost:" + port);
    }
    List<String> origins = headers.get("Origin");
    if (origins != null && (origins.size() != 1 || !isOwnAuthority(origins.get(0), "http://"))) {
      return Reply.error(403, "cross-origin requests are refused");
    }
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    if (path.equals("/api/health")) {
      if (!method.equals("GET")) return notAllowed(exchange, "GET");
      return new Reply(200, Map.of("status", "ok"));
    }
    if (!authorized(headers.get("Authorization"))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"vigil\"");
      return Reply.error(401, "missing or wrong token: send Authorization: Bearer with the token in the data folder's api-token file");
    }
    if (path.equals("/api/instance")) {
      if (!method.equals("GET")) return notAllowed(exchange, "GET");
      return new Reply(200, folder.json());
    }
    if (path.equals("/api/status")) {
      if (!method.equals("GET")) return notAllowed(exchange, "GET");
      Object now = status.get();
      return now == null ? Reply.error(404, "no status here") : new Reply(200, now);
    }
    if (path.equals("/api/alerts")) {
      if (method.equals("GET")) return openAlerts();
      if (!method.equals("POST")) return notAllowed(exchange, "GET, POST");
      return withBody(exchange, MAX_BODY, body -> receive(IntakeRequests.vigilAlerts(body, clock.instant()), true));
    }
    if (path.equals("/api/monitors") && monitors != null) {
      if (!method.equals("GET")) return notAllowed(exchange, "GET");
      List<Object> out = new ArrayList<>();
      out.addAll(monitors.board(clock.getZone()));
      return new Reply(200, out);
    }
    if (path.startsWith("/api/monitors/") && monitors != null) {
      if (!method.equals("POST")) return notAllowed(exchange, "POST");
      return withBody(exchange, MAX_BODY, body -> monitorAction(path, body));
    }
    if (path.equals("/api/alertmanager")) {
      if (!method.equals("POST")) return notAllowed(exchange, "POST");
      return withBody(exchange, MAX_ALERTMANAGER_BODY, body -> receive(IntakeRequests.webhookAlerts(body, clock.instant()), false));
    }
    if (path.startsWith("/api/alerts/")) {
      if (!method.equals("POST")) return notAllowed(exchange, "POST");
      return withBody(exchange, MAX_BODY, body -> alertAction(path, body));
    }
    if (path.startsWith("/api/heartbeat/")) {
      if (!method.equals("POST")) return notAllowed(exchange, "POST");
      String id = URLDecoder.decode(path.substring("/api/heartbeat/".length()), StandardCharsets.UTF_8);
      if (id.isEmpty() || id.contains("/")) return Reply.error(404, "no such endpoint: " + path);
      return withBody(exchange, MAX_BODY, body -> {
        if (!intake.heartbeat(id, clock.instant())) return Reply.error(404, "no heartbeat \"" + id + "\" in the rules");
        return new Reply(204, null);
      });
    }
    return Reply.error(404, "no such endpoint: " + path);
  }

  /** {@code 127.0.0.1:PORT} or {@code localhost:PORT} after the scheme prefix (case-insensitive). */
  private boolean isOwnAuthority(String value, String scheme) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return v.equals(scheme + "127.0.0.1:" + port) || v.equals(scheme + "localhost:" + port);
  }

  private boolean authorized(List<String> values) {
    if (values == null || values.size() != 1) return false;
    String value = values.get(0).trim();
    if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
    return token.matches(value.substring(7).trim());
  }

  private static Reply notAllowed(HttpExchange exchange, String allow) {
    exchange.getResponseHeaders().set("Allow", allow);
    return Reply.error(405, "method " + exchange.getRequestMethod() + " not allowed; use " + allow);
  }

  private interface BodyWork {
    Reply apply(byte[] body) throws IntakeRequests.BadRequest;
  }

  /**
   * Checks the body's type and size before reading it: a non-empty body must be JSON (415); a declared length
   * over {@code limit} is refused at once (413), and a chunked one as soon as it passes the limit.
   */
  private Reply withBody(HttpExchange exchange, int limit, BodyWork work) throws IOException {
    Headers headers = exchange.getRequestHeaders();
    String lengthHeader = headers.getFirst("Content-Length");
    boolean chunked = headers.getFirst("Transfer-Encoding") != null;
    long length;
    try {
      length = lengthHeader == null ? (chunked ? -1 : 0) : Long.parseLong(lengthHeader.trim());
    } catch (NumberFormatException e) {
      return Reply.error(400, "bad Content-Length");
    }
    if (length != 0 && !isJson(headers.getFirst("Content-Type"))) {
      return Reply.error(415, "the body must be Content-Type: application/json");
    }
    if (length > limit) return tooLarge(exchange, limit);
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(limit + 1);
    }
    if (body.length > limit) return tooLarge(exchange, limit);
    try {
      return work.apply(body);
    } catch (IntakeRequests.BadRequest e) {
      return Reply.error(400, e.getMessage());
    }
  }

  private static Reply tooLarge(HttpExchange exchange, int limit) {
    exchange.getResponseHeaders().set("Connection", "close");
    return Reply.error(413, "the body is larger than " + (limit / 1024) + " KiB");
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) return false;
    String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return media.equals("application/json");
  }

  /** Hands each alert to the intake; answers only after every write returned (committed). */
  private Reply receive(List<ExternalAlert> alerts, boolean showAlerts) {
    AlertJson json = new AlertJson(clock.getZone());
    List<Object> shown = new ArrayList<>();
    for (ExternalAlert alert : alerts) {
      Optional<Alert> result = intake.receive(alert);
      result.ifPresent(a -> shown.add(json.write(a)));
    }
    if (!showAlerts) return new Reply(200, Map.of("received", alerts.size()));
    return new Reply(200, Map.of("received", alerts.size(), "alerts", shown));
  }

  /**
   * {@code POST /api/alerts/ID/acknowledge}, {@code .../snooze} or {@code .../resolve} with an optional body
   * {@code {"note": "...", "actor": "cli"}} (a snooze needs {@code "until"}): what {@code vigil ack}, {@code vigil
   * snooze} and {@code vigil resolve} send to a running instance.
   */
  private Reply alertAction(String path, byte[] body) throws IntakeRequests.BadRequest {
    String[] parts = path.substring("/api/alerts/".length()).split("/");
    if (parts.length != 2 || !parts[0].matches("[0-9]{1,18}")) return Reply.error(404, "no such endpoint: " + path);
    long id = Long.parseLong(parts[0]);
    IntakeRequests.Action action = IntakeRequests.action(body);
    Optional<Alert> done;
    switch (parts[1]) {
      case "acknowledge" -> done = store.acknowledge(id, action.note(), action.actor(), clock.instant());
      case "resolve" -> done = store.resolve(id, action.note(), action.actor(), clock.instant());
      case "snooze" -> {
        if (action.until() == null) throw new IntakeRequests.BadRequest("a snooze needs \"until\", e.g. {\"until\": \"2026-11-25T08:00:00Z\"}");
        if (!action.until().isAfter(clock.instant())) throw new IntakeRequests.BadRequest("\"until\" must be in the future");
        done = store.snooze(id, action.until(), action.actor(), clock.instant());
      }
      default -> {
        return Reply.error(404, "no such endpoint: " + path);
      }
    }
    if (done.isEmpty()) return Reply.error(404, "no open alert " + id);
    return new Reply(200, new AlertJson(clock.getZone()).write(done.get()));
  }

  /**
   * {@code POST /api/monitors/ID/pause} with {@code {"until": "...", "actor": "cli"}}, or {@code .../resume}: what
   * {@code vigil monitor pause} and {@code vigil monitor resume} send to a running instance.
   */
  private Reply monitorAction(String path, byte[] body) throws IntakeRequests.BadRequest {
    String[] parts = path.substring("/api/monitors/".length()).split("/");
    if (parts.length != 2) return Reply.error(404, "no such endpoint: " + path);
    String id = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    IntakeRequests.Action action = IntakeRequests.action(body);
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("monitor", id);
    switch (parts[1]) {
      case "pause" -> {
        if (action.until() == null) throw new IntakeRequests.BadRequest("a pause needs \"until\", e.g. {\"until\": \"2026-11-25T08:00:00Z\"}");
        if (!action.until().isAfter(clock.instant())) throw new IntakeRequests.BadRequest("\"until\" must be in the future");
        if (!monitors.pause(id, action.until(), action.actor())) return Reply.error(404, "no monitor \"" + id + "\" is watched");
        out.put("pausedUntil", action.until().atZone(clock.getZone()).toOffsetDateTime().toString());
      }
      case "resume" -> out.put("wasPaused", monitors.resume(id, action.actor()));
      default -> {
        return Reply.error(404, "no such endpoint: " + path);
      }
    }
    return new Reply(200, out);
  }

  private Reply openAlerts() {
    AlertJson json = new AlertJson(clock.getZone());
    List<Object> out = new ArrayList<>();
    for (Alert alert : store.openAlerts()) out.add(json.write(alert));
    return new Reply(200, out);
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    Headers out = exchange.getResponseHeaders();
    out.set("Cache-Control", "no-store");
    out.set("X-Content-Type-Options", "nosniff");
    if (reply.body() == null) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(reply.body());
    } catch (JsonProcessingException e) {
      throw new IOException(e);
    }
    out.set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(bytes);
    }
  }
}
