package dev.vigil.check;

import java.time.Duration;
import java.util.Map;

/**
 * One check to make.
 *
 * @param monitorId for logs only
 * @param target what to check: an HTTP URL, a TCP port, a TLS handshake, a DNS record or a ping
 * @param timeout bounds the whole check: DNS, connect, TLS, redirects and body
 * @param headers HTTP request headers, already env-substituted (values may be secrets: never log them)
 * @param readBody false when no condition looks at what the server sent (the body, a TCP banner), so it is not read
 * @param bodyCap the most bytes read from the body
 * @param freshConnection true to bypass the connection pool (the confirm-before-waking re-check)
 */
public record CheckRequest(
    String monitorId,
    Target target,
    Duration timeout,
    Map<String, String> headers,
    boolean readBody,
    long bodyCap,
    boolean freshConnection) {

  public static final long DEFAULT_BODY_CAP = 1 << 20;

  public CheckRequest {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /** An HTTP check of {@code url}. */
  public CheckRequest(
      String monitorId, String url, Duration timeout, Map<String, String> headers, boolean readBody, long bodyCap,
      boolean freshConnection) {
    this(monitorId, new Target.Http(url), timeout, headers, readBody, bodyCap, freshConnection);
  }

  /** The URL of an HTTP check, or null for other kinds. */
  public String url() {
    return target instanceof Target.Http http ? http.url() : null;
  }
}
