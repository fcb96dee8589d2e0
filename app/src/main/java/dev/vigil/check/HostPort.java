package dev.vigil.check;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code host:port} as written in a rules file or on the command line; IPv6 literals in brackets. */
public record HostPort(String host, int port) {
  private static final Pattern FORM = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+):(\\d{1,5})");

  /** The host and port, or empty when the text is not {@code host:port} with a port from 1 to 65535. */
  public static Optional<HostPort> parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.strip());
    if (!m.matches()) return Optional.empty();
    int port = Integer.parseInt(m.group(2));
    if (port < 1 || port > 65535) return Optional.empty();
    String host = m.group(1);
    if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
    return Optional.of(new HostPort(host, port));
  }

  static String format(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return format(host, port);
  }
}
