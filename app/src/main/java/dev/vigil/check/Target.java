package dev.vigil.check;

import java.util.Locale;

/**
 * What one check looks at: an HTTP URL, a TCP port, a TLS handshake, a DNS record or an ICMP echo. A monitor has
 * exactly one. Values may hold secrets only in {@link Http#url()}; {@link #display()} is always safe to show.
 */
public sealed interface Target {
  /** The kinds of check, as written in a rules file ({@code url:}, {@code tcp:}, ...). */
  enum Kind {
    HTTP("url"),
    TCP("tcp"),
    TLS("tls"),
    DNS("dns"),
    PING("ping");

    private final String field;

    Kind(String field) {
      this.field = field;
    }

    /** The rules field that names a target of this kind: url, tcp, tls, dns or ping. */
    public String field() {
      return field;
    }

    /** "http", "tcp", ...: how the kind is shown. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  Kind kind();

  /** The host the check's packets go to, to tell a dead network from a dead host; null when none is named. */
  String host();

  /** The target without secrets, e.g. {@code https://pay.example/health}, {@code tcp db.example:5432}. */
  String display();

  /** {@code url: https://pay.example/health}; may carry user-info or a query with secrets. */
  record Http(String url) implements Target {
    @Override
    public Kind kind() {
      return Kind.HTTP;
    }

    @Override
    public String host() {
      try {
        return java.net.URI.create(url).getHost();
      } catch (RuntimeException e) {
        return null;
      }
    }

    @Override
    public String display() {
      try {
        java.net.URI u = java.net.URI.create(url);
        String port = u.getPort() == -1 ? "" : ":" + u.getPort();
        return u.getScheme() + "://" + u.getHost() + port + (u.getRawPath() == null ? "" : u.getRawPath());
      } catch (RuntimeException e) {
        return "(invalid url)";
      }
    }
  }

  /** {@code tcp: host:port}: connect; with {@code send}, write that line first. */
  record Tcp(String host, int port, String send) implements Target {
    @Override
    public Kind kind() {
      return Kind.TCP;
    }

    @Override
    public String display() {
      return "tcp " + HostPort.format(host, port);
    }
  }

  /** {@code tls: host:port}: a TLS handshake; {@code verify} checks the chain and the host name. */
  record Tls(String host, int port, boolean verify) implements Target {
    @Override
    public Kind kind() {
      return Kind.TLS;
    }

    @Override
    public String display() {
      return "tls " + HostPort.format(host, port) + (verify ? "" : " (not verified)");
    }
  }

  /**
   * {@code dns: name} with {@code record:} A, AAAA, CNAME, MX, TXT or NS.
   *
   * @param server the server to ask, or null for the system's resolvers
   */
  record Dns(String name, String record, HostPort server) implements Target {
    /** The record types a dns check asks for. */
    public static final java.util.List<String> RECORDS = java.util.List.of("A", "AAAA", "CNAME", "MX", "TXT", "NS");

    @Override
    public Kind kind() {
      return Kind.DNS;
    }

    /** The server asked, or null for the system's resolvers. */
    @Override
    public String host() {
      return server == null ? null : server.host();
    }

    @Override
    public String display() {
      return "dns " + name + " " + record + (server == null ? "" : " @" + server);
    }
  }

  /** {@code ping: host}: one ICMP echo, through the system's ping command. */
  record Ping(String host) implements Target {
    @Override
    public Kind kind() {
      return Kind.PING;
    }

    @Override
    public String display() {
      return "ping " + host;
    }
  }
}
