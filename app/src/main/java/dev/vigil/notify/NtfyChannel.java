package dev.vigil.notify;

import dev.vigil.policy.Policy;
import dev.vigil.http.Web;
import dev.vigil.http.WebRequest;
import java.io.IOException;
import java.util.Optional;

/**
 * Publishes to an ntfy topic: {@code POST url/topic} with Title, Priority (5 when urgent) and Tags. A page with an
 * acknowledgement token carries an {@code http} action button "Acknowledge" (ntfy's {@code Actions} header) that
 * POSTs {@code ack ALERT TOKEN} to the reply topic on the same server, which {@link NtfyReplies} reads.
 */
public final class NtfyChannel implements Channel {
  private final Policy.Ntfy config;
  private final Web http;

  /** Sends through {@code web} with the channels' timeouts. */
  public NtfyChannel(Policy.Ntfy config, Web web) {
    this.config = config;
    this.http = Http.channels(web);
  }

  @Override
  public Optional<String> send(Message m) throws IOException {
    String base = config.url().endsWith("/") ? config.url() : config.url() + "/";
    WebRequest b = Http.post(base + config.topic(), "text/plain; charset=utf-8", m.body().isEmpty() ? m.title() : m.body())
        .header("Title", ascii(m.title()))
        .header("Priority", m.urgent() ? "5" : "3")
        .header("Tags", m.urgent() ? "rotating_light,vigil" : "bell,vigil");
    if (config.token() != null) b.header("Authorization", "Bearer " + config.token());
    java.util.List<String> actions = new java.util.ArrayList<>();
    if (m.ackToken() != null && m.alertId() != null && config.replyTopic() != null) actions.add(action(m));
    if (m.runbook() != null && m.runbook().matches("[\\x21-\\x7e&&[^,;\"]]+")) {
      actions.add("view, Open runbook, " + m.runbook()); // a URL with , ; or " would break the simple format: the body has it
    }
    if (!actions.isEmpty()) b.header("Actions", String.join("; ", actions));
    Http.send(http, b, "ntfy");
    return Optional.empty();
  }

  /** The Acknowledge button in ntfy's simple action format: {@code http, LABEL, URL, param=value, ...}. */
  private String action(Message m) {
    String base = config.url().endsWith("/") ? config.url() : config.url() + "/";
    String auth = config.token() == null ? "" : "headers.Authorization=Bearer " + config.token() + ", ";
    return "http, Acknowledge, " + base + config.replyTopic() + ", method=POST, " + auth
        + "body=" + NtfyReplies.body(m.alertId(), m.ackToken()) + ", clear=true";
  }

  /** HTTP header values must be ASCII; ntfy also reads RFC 2047, but plain is enough for a title. */
  private static String ascii(String s) {
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
