package dev.vigil.notify;

import dev.vigil.policy.Policy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Optional;

/** Publishes to an ntfy topic: {@code POST url/topic} with Title, Priority (5 when urgent) and Tags. */
public final class NtfyChannel implements Channel {
  private final Policy.Ntfy config;
  private final HttpClient http;

  public NtfyChannel(Policy.Ntfy config) {
    this(config, Http.client());
  }

  NtfyChannel(Policy.Ntfy config, HttpClient http) {
    this.config = config;
    this.http = http;
  }

  @Override
  public Optional<String> send(Message m) throws IOException {
    String base = config.url().endsWith("/") ? config.url() : config.url() + "/";
    HttpRequest.Builder b = Http.request(base + config.topic())
        .header("Title", ascii(m.title()))
        .header("Priority", m.urgent() ? "5" : "3")
        .header("Tags", m.urgent() ? "rotating_light,vigil" : "bell,vigil")
        .header("Content-Type", "text/plain; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(m.body().isEmpty() ? m.title() : m.body()));
    if (config.token() != null) b.header("Authorization", "Bearer " + config.token());
    Http.send(http, b.build(), "ntfy");
    return Optional.empty();
  }

  /** HTTP header values must be ASCII; ntfy also reads RFC 2047, but plain is enough for a title. */
  private static String ascii(String s) {
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
