package dev.vigil.rules;

import dev.vigil.config.Location;
import dev.vigil.alert.Severity;
import dev.vigil.evaluate.Condition;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An HTTP endpoint to watch, validated and defaulted (interval 30s, timeout 10s, confirm 2, recover 2,
 * severity warning). {@code url} and {@code headers} are already env-substituted and may hold secrets:
 * never log them or store them.
 *
 * @param breakthrough true when the monitor still wakes the person during quiet mode
 * @param bodyCap the most body bytes read (default 1 MiB)
 */
public record Monitor(
    String id,
    String url,
    Duration interval,
    Duration timeout,
    Severity severity,
    int confirm,
    int recover,
    List<Condition> expect,
    Map<String, String> labels,
    Map<String, String> headers,
    boolean breakthrough,
    long bodyCap,
    Location where) {

  public Monitor {
    expect = List.copyOf(expect);
    labels = Map.copyOf(labels);
    headers = Map.copyOf(headers);
  }

  /** True when any condition looks at the body. */
  public boolean needsBody() {
    return expect.stream().anyMatch(Condition::needsBody);
  }

  /** The host its checks go to, or null when the URL has none. */
  public String host() {
    try {
      return java.net.URI.create(url).getHost();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The URL with any user-info and query string removed, safe to show and store. */
  public String displayUrl() {
    try {
      java.net.URI u = java.net.URI.create(url);
      String port = u.getPort() == -1 ? "" : ":" + u.getPort();
      return u.getScheme() + "://" + u.getHost() + port + (u.getRawPath() == null ? "" : u.getRawPath());
    } catch (RuntimeException e) {
      return "(invalid url)";
    }
  }
}
