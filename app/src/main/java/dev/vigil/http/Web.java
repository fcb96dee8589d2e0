package dev.vigil.http;

import java.io.IOException;
import java.net.Proxy;
import java.time.Duration;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * The one outbound HTTP client of the channels and sources (ntfy, Pushover, webhooks, Healthchecks, Alertmanager):
 * OkHttp, built once per process with {@link #create} and passed in. Each use takes its own timeouts with
 * {@link #timeouts}, which shares the connection pool and threads. Checks keep a client of their own, tuned for many
 * monitors ({@code dev.vigil.check}); nothing outside these two packages sees OkHttp.
 *
 * <p>The OkHttp client is built at the first request, not by {@link #create}: building one reads the system's trust
 * store, which start-up (the time to the tray icon) and a command that sends nothing need not wait for.
 */
public final class Web {
  private final Web parent;
  private final UnaryOperator<OkHttpClient.Builder> tuning;
  private volatile OkHttpClient client;

  private Web(Web parent, UnaryOperator<OkHttpClient.Builder> tuning) {
    this.parent = parent;
    this.tuning = tuning;
  }

  /** A client with OkHttp's defaults; give each use its timeouts with {@link #timeouts}. */
  public static Web create() {
    return new Web(null, b -> b);
  }

  /** This client, built once: from the parent's (sharing its pool and threads) or, for the root, anew. */
  private OkHttpClient client() {
    OkHttpClient c = client;
    if (c != null) return c;
    synchronized (this) {
      if (client == null) client = tuning.apply(parent == null ? new OkHttpClient.Builder() : parent.client().newBuilder()).build();
      return client;
    }
  }

  /**
   * The same client (pool and threads shared) with these timeouts: {@code connect} to open a connection, {@code call}
   * for the whole exchange from connecting to the last byte of the answer ({@link Duration#ZERO}: none, for a stream
   * that stays open).
   */
  public Web timeouts(Duration connect, Duration call) {
    return new Web(this, b -> b
        .connectTimeout(connect)
        .callTimeout(call)
        .readTimeout(Duration.ZERO) // the call timeout bounds the exchange; a stream's quiet spells are not failures
        .writeTimeout(Duration.ZERO));
  }

  /** The same client, connecting directly even when a proxy is configured (a server on this machine or network). */
  public Web direct() {
    return new Web(this, b -> b.proxy(Proxy.NO_PROXY));
  }

  /** Sends the request and reads the whole answer; any status is an answer, only a failure to talk throws. */
  public Reply send(WebRequest request) throws IOException {
    try (okhttp3.Response response = client().newCall(request.build()).execute()) {
      return new Reply(response.code(), response.body().string());
    }
  }

  /** A call whose answer is read line by line as it arrives ({@link Lines#open}); nothing is sent yet. */
  public Lines lines(WebRequest request) {
    return new Lines(client().newCall(request.build()));
  }

  /** An answer: its status and its body as text. */
  public record Reply(int status, String body) {}
}
