package dev.vigil.notify;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The HTTP the phone channels share: java.net.http with timeouts; errors name the service, never a secret. */
final class Http {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Http() {}

  static HttpClient client() {
    return HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  static HttpRequest.Builder request(String url) throws IOException {
    try {
      return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("User-Agent", "vigil");
    } catch (IllegalArgumentException e) {
      throw new IOException("not a valid URL");
    }
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

  static HttpResponse<String> send(HttpClient client, HttpRequest request, String service) throws IOException {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 429) {
        throw new IOException(service + " answered HTTP 429: too many requests (a daily message limit, e.g. ntfy.sh's free tier)");
      }
      if (r.statusCode() / 100 != 2) throw new IOException(service + " answered HTTP " + r.statusCode());
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(service + ": interrupted");
    } catch (java.net.http.HttpTimeoutException e) {
      throw new IOException(service + ": timed out after " + TIMEOUT.toSeconds() + "s");
    } catch (java.net.ConnectException e) {
      throw new IOException(service + ": cannot connect");
    }
  }
}
