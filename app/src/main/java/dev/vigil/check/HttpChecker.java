package dev.vigil.check;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Checks HTTP endpoints with one shared OkHttp client: pooled connections, asynchronous calls, and one call
 * timeout that bounds DNS, connect, TLS, redirects and body. Every future completes within the request's
 * timeout plus {@link #GRACE}, whatever OkHttp does. Futures complete on OkHttp or checker threads: chain
 * blocking work with an executor of your own.
 */
public final class HttpChecker implements Checker {
  public static final int DEFAULT_CONCURRENCY = 512;
  static final Duration DNS_BUDGET = Duration.ofSeconds(5);
  static final Duration GRACE = Duration.ofSeconds(1);
  static final int PARSED_URLS = 50_000;

  private final Clock clock;
  private final BoundedDns dns;
  private final CallEvents events = new CallEvents();
  private final OkHttpClient pooled;
  private final OkHttpClient fresh;
  /** Monitors ask for the same URLs every interval: each is parsed once (a third of starting a check, by JFR). */
  private final Map<String, HttpUrl> parsedUrls = new java.util.concurrent.ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor deadlines =
      new ScheduledThreadPoolExecutor(1, Threads.daemon("vigil-check-deadline"));

  /** Counters for benchmarks: connections opened against connections used tells how well the pool works. */
  public record Stats(long calls, long connectionsOpened, long connectionsAcquired) {
    /** The share of calls that reused a pooled connection instead of opening one. */
    public double reuseRatio() {
      return connectionsAcquired == 0 ? 0 : Math.max(0, 1 - (double) connectionsOpened / connectionsAcquired);
    }
  }

  public static HttpChecker create(Clock clock) {
    return create(clock, DEFAULT_CONCURRENCY);
  }

  /** A checker that runs at most {@code maxConcurrency} calls at once, to any number of hosts. */
  public static HttpChecker create(Clock clock, int maxConcurrency) {
    return new HttpChecker(clock, maxConcurrency, new BoundedDns(Dns.SYSTEM, DNS_BUDGET), tls -> {});
  }

  /** Tests pass their own DNS and trust here. */
  HttpChecker(Clock clock, int maxConcurrency, BoundedDns dns, Consumer<OkHttpClient.Builder> tls) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.dns = dns;
    deadlines.setRemoveOnCancelPolicy(true);
    OkHttpClient.Builder builder = ClientSettings.builder(maxConcurrency).dns(dns).eventListener(events);
    tls.accept(builder);
    this.pooled = builder.build();
    // Keeps no idle connection, so every call on it opens a new one.
    this.fresh = pooled.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
  }

  @Override
  public CompletableFuture<Observation> check(CheckRequest request) {
    Duration timeout = request.timeout();
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    HttpUrl url = parsed(request.url());
    Attempt attempt = new Attempt(request, url == null ? "" : url.host(), clock.instant());
    if (url == null) {
      attempt.finish(attempt.failed(new Failure(FailureClass.PROTOCOL, "invalid url")));
      return attempt.result();
    }
    Request.Builder builder = new Request.Builder().url(url).tag(Attempt.class, attempt);
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      try {
        builder.header(header.getKey(), header.getValue());
      } catch (IllegalArgumentException e) {
        attempt.finish(attempt.failed(new Failure(FailureClass.PROTOCOL, "invalid header " + header.getKey())));
        return attempt.result();
      }
    }
    Call call = (request.freshConnection() ? fresh : pooled).newCall(builder.build());
    call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    ScheduledFuture<?> deadline = deadlines.schedule(
        () -> {
          if (attempt.finish(attempt.timedOut())) call.cancel();
        },
        timeout.plus(GRACE).toNanos(),
        TimeUnit.NANOSECONDS);
    attempt.result().whenComplete((observation, e) -> deadline.cancel(false));
    call.enqueue(attempt);
    return attempt.result();
  }

  private HttpUrl parsed(String raw) {
    HttpUrl url = parsedUrls.get(raw);
    if (url != null) return url;
    url = HttpUrl.parse(raw);
    if (url != null) {
      if (parsedUrls.size() >= PARSED_URLS) parsedUrls.clear();
      parsedUrls.put(raw, url);
    }
    return url;
  }

  public Stats stats() {
    return events.stats();
  }

  @Override
  public void close() {
    pooled.dispatcher().cancelAll();
    pooled.dispatcher().executorService().shutdown();
    pooled.connectionPool().evictAll();
    fresh.connectionPool().evictAll();
    deadlines.shutdownNow();
    dns.close();
  }
}
