package dev.vigil.rules;

import dev.vigil.config.Location;
import dev.vigil.alert.Severity;
import dev.vigil.check.Target;
import dev.vigil.evaluate.Condition;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Something to watch (an HTTP endpoint, a TCP port, a TLS handshake, a DNS record or a host to ping), validated and
 * defaulted (interval 30s, timeout 10s, confirm 2, recover 2, severity warning). An HTTP target's URL and
 * {@code headers} are already env-substituted and may hold secrets: never log them or store them.
 *
 * @param breakthrough true when the monitor still wakes the person during quiet mode
 * @param bodyCap the most body bytes read (default 1 MiB)
 * @param runbook an http(s) URL of what to do when it fires ({@code runbook:}), or null
 */
public record Monitor(
    String id,
    Target target,
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
    Location where,
    String runbook) {

  public Monitor {
    expect = List.copyOf(expect);
    labels = Map.copyOf(labels);
    headers = Map.copyOf(headers);
  }

  /** True when any condition looks at the body. */
  public boolean needsBody() {
    return expect.stream().anyMatch(Condition::needsBody);
  }

  /** The host its checks go to, or null when it names none. */
  public String host() {
    return target.host();
  }

  /** The URL of an HTTP monitor, or null for other kinds. */
  public String url() {
    return target instanceof Target.Http http ? http.url() : null;
  }

  /** The target with any user-info and query string removed, safe to show and store. */
  public String displayUrl() {
    return target.display();
  }
}
