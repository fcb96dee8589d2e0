package dev.vigil.notify;

import dev.vigil.http.Web;
import dev.vigil.http.WebRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What the phone channels share over {@link Web}: their timeouts and errors that name the service, never a secret. */
final class Http {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Http() {}

  /** The shared client with the channels' timeouts: {@link #TIMEOUT} to connect and for the whole exchange. */
  static Web channels(Web web) {
    return web.timeouts(TIMEOUT, TIMEOUT);
  }

  /** A request to {@code url} that says who sends it. */
  static WebRequest get(String url) throws IOException {
    return WebRequest.get(url).header("User-Agent", "vigil");
  }

  static WebRequest post(String url, String contentType, String body) throws IOException {
    return WebRequest.post(url, contentType, body).header("User-Agent", "vigil");
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static Map<String, String> fields(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Sends and returns the body of a 2xx answer; anything else is an exception that names {@code service}. */
  static String send(Web web, WebRequest request, String service) throws IOException {
    Web.Reply r;
    try {
      r = web.send(request);
    } catch (java.net.ConnectException e) {
      throw new IOException(service + ": cannot connect");
    } catch (InterruptedIOException e) { // OkHttp's timeouts, and an interrupt during a read
      if (Thread.currentThread().isInterrupted()) throw new IOException(service + ": interrupted");
      throw new IOException(service + ": timed out after " + TIMEOUT.toSeconds() + "s");
    }
    if (r.status() == 429) {
      throw new IOException(service + " answered HTTP 429: too many requests (a daily message limit, e.g. ntfy.sh's free tier)");
    }
    if (r.status() / 100 != 2) throw new IOException(service + " answered HTTP " + r.status());
    return r.body();
  }
}
