package dev.vigil.notify;

import dev.vigil.policy.Policy;
import dev.vigil.http.Web;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dead-man's switch: GET the Healthchecks URL every so often, so someone notices if Vigil stops. */
final class OutboundHeartbeat {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundHeartbeat.class);
  private final Policy.Healthchecks config;
  private final Web http;
  private Instant last;
  private volatile boolean failing;

  OutboundHeartbeat(Policy.Healthchecks config, Web web) {
    this.config = config;
    this.http = Http.channels(web);
  }

  /** True when a ping is due at {@code now} (and marks it as done). */
  synchronized boolean due(Instant now) {
    if (last != null && now.isBefore(last.plus(config.every()))) return false;
    last = now;
    return true;
  }

  void ping() {
    try {
      Http.send(http, Http.get(config.url()), "healthchecks");
      if (failing) LOG.info("Outbound heartbeat works again");
      failing = false;
    } catch (IOException e) {
      if (!failing) LOG.warn("Outbound heartbeat failed: {}", e.getMessage());
      failing = true;
    }
  }
}
