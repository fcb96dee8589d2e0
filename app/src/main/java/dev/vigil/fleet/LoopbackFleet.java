package dev.vigil.fleet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated fleet of services on 127.0.0.1, each at {@code /svc/NAME}, whose behaviour can be changed while
 * it runs: up, down (503), slow, hanging, or flapping. Used by {@code vigil demo}, {@code vigil bench} and the
 * integration tests, so they all meet a real HTTP server.
 */
public final class LoopbackFleet implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> hits = new ConcurrentHashMap<>();
  private volatile Behaviour fallback = Behaviour.UP;

  private LoopbackFleet(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts on an ephemeral port of 127.0.0.1. */
  public static LoopbackFleet start() throws IOException {
    return start(0, 64);
  }

  public static LoopbackFleet start(int port, int threads) throws IOException {
    dev.vigil.api.HttpServerLimits.apply(); // before the process's first HttpServer, or the local API's limits never apply
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "fleet");
      t.setDaemon(true);
      return t;
    });
    LoopbackFleet fleet = new LoopbackFleet(server, executor);
    server.createContext("/svc/", fleet::handle);
    server.setExecutor(executor);
    server.start();
    return fleet;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The URL of a service, e.g. {@code http://127.0.0.1:40123/svc/payments}. */
  public String url(String name) {
    return "http://127.0.0.1:" + port() + "/svc/" + name;
  }

  public void set(String name, Behaviour behaviour) {
    behaviours.put(name, behaviour);
  }

  /** Gives every service the same behaviour, including services not named yet (e.g. a whole fleet going down). */
  public void setAll(Behaviour behaviour) {
    fallback = behaviour;
    behaviours.clear();
  }

  /** How many requests a service has answered (or started to). */
  public long hits(String name) {
    AtomicLong n = hits.get(name);
    return n == null ? 0 : n.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String name = exchange.getRequestURI().getPath().substring("/svc/".length());
    hits.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    Behaviour b = behaviours.getOrDefault(name, fallback);
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      if (b.delayMillis() > 0) Thread.sleep(b.delayMillis());
      boolean up = b.kind() == Kind.UP || b.kind() == Kind.FLAPPING && hits(name) % 2 == 0;
      byte[] body = (up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      if (!up && b.status() == 429) exchange.getResponseHeaders().set("Retry-After", "30");
      exchange.sendResponseHeaders(up ? 200 : b.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  public enum Kind {
    UP,
    DOWN,
    FLAPPING
  }

  /**
   * What a service does: {@code delayMillis} before answering (a long one is a hang), and the status it answers
   * with when down (503 unless told otherwise, e.g. 429 for a rate limit).
   */
  public record Behaviour(Kind kind, long delayMillis, int status) {
    public static final Behaviour UP = new Behaviour(Kind.UP, 0);
    public static final Behaviour DOWN = new Behaviour(Kind.DOWN, 0);
    public static final Behaviour FLAPPING = new Behaviour(Kind.FLAPPING, 0);

    public Behaviour {
      if (delayMillis < 0) throw new IllegalArgumentException("delayMillis < 0: " + delayMillis);
      if (status < 400 || status > 599) throw new IllegalArgumentException("a failing status is 4xx or 5xx, not " + status);
    }

    public Behaviour(Kind kind, long delayMillis) {
      this(kind, delayMillis, 503);
    }

    public static Behaviour slow(long millis) {
      return new Behaviour(Kind.UP, millis);
    }

    public static Behaviour hang() {
      return new Behaviour(Kind.UP, 3_600_000);
    }

    /** Down, answering at once with this status: {@code failing(429)} is a rate limit. */
    public static Behaviour failing(int status) {
      return new Behaviour(Kind.DOWN, 0, status);
    }

    /** The same behaviour, answering after {@code millis}. */
    public Behaviour after(long millis) {
      return new Behaviour(kind, millis, status);
    }
  }
}
