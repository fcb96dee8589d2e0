package dev.vigil.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for an ntfy server and Pushover's receipts API, speaking their documented protocols: ntfy's
 * publish ({@code POST /TOPIC}, headers Title, Priority, Tags, Actions), its JSON stream ({@code GET /TOPIC/json} with
 * {@code since=ID} or a unix time: one JSON object a line, events {@code open}, {@code keepalive}, {@code message}
 * with {@code id, time, event, topic, message}), and Pushover's {@code POST /1/messages.json} (a receipt) and
 * {@code GET /1/receipts/RECEIPT.json} ({@code acknowledged}). It also plays the phone: {@link #tap} performs a
 * page's {@code http} action button as the ntfy app would.
 */
final class NtfyStandIn implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A published message and the headers it came with. */
  record Published(String id, long time, String topic, String message, Map<String, String> headers) {}

  private final HttpServer server;
  private final List<Published> messages = new CopyOnWriteArrayList<>();
  private record Stream(String topic, OutputStream out) {}

  private final List<Stream> streams = new CopyOnWriteArrayList<>();
  final List<String> subscriptions = new CopyOnWriteArrayList<>();
  final List<String> receiptPolls = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  volatile boolean receiptAcknowledged;
  /** What publishing a page (ntfy topic "oncall", Pushover messages) answers: 429 as ntfy.sh's daily limit does. */
  volatile int pageStatus = 200;

  NtfyStandIn() throws IOException {
    dev.vigil.api.HttpServerLimits.apply(); // before any HttpServer in this JVM, or the JDK ignores the limits LocalApiTest checks
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "ntfy-stand-in");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Published> published(String topic) {
    return messages.stream().filter(m -> m.topic().equals(topic)).toList();
  }

  /** Ends every open JSON stream, as a dropped connection would. */
  void dropStreams() {
    for (Stream s : streams) {
      try {
        s.out().close();
      } catch (IOException e) {
        // already gone
      }
    }
    streams.clear();
  }

  int openStreams() {
    return streams.size();
  }

  /** The phone taps the page's action button: the request its {@code Actions} header describes. */
  int tap(Published page) throws Exception {
    Map<String, String> action = parseAction(page.headers().get("Actions"));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(action.get("url")))
        .method(action.getOrDefault("method", "POST"), HttpRequest.BodyPublishers.ofString(action.getOrDefault("body", "")));
    action.forEach((k, v) -> {
      if (k.startsWith("headers.")) b.header(k.substring("headers.".length()), v);
    });
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Someone else publishes to a topic (a forged or replayed reply). */
  void publish(String topic, String message) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(url() + "/" + topic)).POST(HttpRequest.BodyPublishers.ofString(message)).build();
    HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding());
  }

  /** ntfy's simple action format, one action: {@code http, LABEL, URL, key=value, ...} (no quoted commas here). */
  static Map<String, String> parseAction(String header) {
    String[] parts = header.split(",\\s*");
    Map<String, String> a = new LinkedHashMap<>();
    a.put("action", parts[0]);
    a.put("label", parts[1]);
    a.put("url", parts[2]);
    for (int i = 3; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      a.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
    }
    return a;
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    String query = x.getRequestURI().getRawQuery();
    if (pageStatus != 200 && (path.equals("/1/messages.json") || path.equals("/oncall"))) {
      x.getRequestBody().readAllBytes();
      respond(x, pageStatus, "{\"code\":42901,\"http\":429,\"error\":\"limit reached: too many requests\"}");
    } else if (path.equals("/1/messages.json")) {
      respond(x, 200, "{\"status\":1,\"request\":\"req\",\"receipt\":\"r-1\"}");
    } else if (path.startsWith("/1/receipts/") && path.endsWith("/cancel.json")) {
      respond(x, 200, "{\"status\":1}");
    } else if (path.startsWith("/1/receipts/")) {
      receiptPolls.add(path);
      respond(x, 200, "{\"status\":1,\"acknowledged\":" + (receiptAcknowledged ? 1 : 0) + ",\"acknowledged_at\":0}");
    } else if (path.endsWith("/json") && x.getRequestMethod().equals("GET")) {
      subscribe(x, path.substring(1, path.length() - "/json".length()), query);
    } else if (x.getRequestMethod().equals("POST") || x.getRequestMethod().equals("PUT")) {
      String topic = path.substring(1);
      Map<String, String> headers = new LinkedHashMap<>();
      x.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
      String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Published p = new Published("m" + ids.incrementAndGet(), Instant.now().getEpochSecond(), topic, body, headers);
      messages.add(p);
      respond(x, 200, line(p, "message"));
      for (Stream s : streams) {
        if (s.topic().equals(topic)) write(s.out(), line(p, "message"));
      }
    } else {
      respond(x, 404, "{\"code\":40401,\"http\":404,\"error\":\"page not found\"}");
    }
  }

  private void subscribe(HttpExchange x, String topic, String query) throws IOException {
    subscriptions.add(topic + (query == null ? "" : "?" + query));
    x.getResponseHeaders().set("Content-Type", "application/x-ndjson; charset=utf-8");
    x.sendResponseHeaders(200, 0);
    OutputStream out = x.getResponseBody();
    ObjectNode open = JSON.createObjectNode().put("id", "o" + ids.incrementAndGet())
        .put("time", Instant.now().getEpochSecond()).put("event", "open").put("topic", topic);
    write(out, open.toString());
    List<Published> backlog = new ArrayList<>();
    String since = query != null && query.startsWith("since=") ? query.substring("since=".length()) : null;
    if (since != null) {
      boolean after = false;
      for (Published p : published(topic)) {
        if (since.equals("all") || since.matches("\\d+") && p.time() >= Long.parseLong(since) || after) backlog.add(p);
        if (p.id().equals(since)) after = true;
      }
    }
    for (Published p : backlog) write(out, line(p, "message"));
    ObjectNode keepalive = JSON.createObjectNode().put("id", "k" + ids.incrementAndGet())
        .put("time", Instant.now().getEpochSecond()).put("event", "keepalive").put("topic", topic);
    write(out, keepalive.toString());
    streams.add(new Stream(topic, out)); // left open: new messages are written to it as they are published
  }

  private static String line(Published p, String event) {
    return JSON.createObjectNode().put("id", p.id()).put("time", p.time()).put("event", event).put("topic", p.topic())
        .put("message", p.message()).toString();
  }

  private static void write(OutputStream out, String line) {
    try {
      synchronized (out) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      // the subscriber went away
    }
  }

  private static void respond(HttpExchange x, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    dropStreams();
    server.stop(0);
  }
}
