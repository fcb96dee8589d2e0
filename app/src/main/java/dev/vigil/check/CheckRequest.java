package dev.vigil.check;

import java.time.Duration;
import java.util.Map;

/**
 * One HTTP check to make.
 *
 * @param monitorId for logs only
 * @param timeout bounds the whole check: DNS, connect, TLS, redirects and body
 * @param headers request headers, already env-substituted (values may be secrets: never log them)
 * @param readBody false when no condition looks at the body, so it is not read at all
 * @param bodyCap the most bytes read from the body
 * @param freshConnection true to bypass the connection pool (the confirm-before-waking re-check)
 */
public record CheckRequest(
    String monitorId,
    String url,
    Duration timeout,
    Map<String, String> headers,
    boolean readBody,
    long bodyCap,
    boolean freshConnection) {

  public static final long DEFAULT_BODY_CAP = 1 << 20;

  public CheckRequest {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }
}
