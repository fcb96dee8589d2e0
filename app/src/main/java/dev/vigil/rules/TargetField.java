package dev.vigil.rules;

import dev.vigil.check.HostPort;
import dev.vigil.check.PingChecker;
import dev.vigil.check.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what a monitor checks: exactly one of {@code url}, {@code tcp}, {@code tls}, {@code dns} or {@code ping},
 * with the fields that belong to that kind ({@code headers}/{@code bodyCap}, {@code send}, {@code verify},
 * {@code record}/{@code server}). Every mistake is a problem at the field; the result is null then.
 */
final class TargetField {
  /** The fields each kind adds to a monitor, beyond the ones every monitor has. */
  static final Map<Target.Kind, Set<String>> OWN = Map.of(
      Target.Kind.HTTP, Set.of("headers", "bodyCap"),
      Target.Kind.TCP, Set.of("send"),
      Target.Kind.TLS, Set.of("verify"),
      Target.Kind.DNS, Set.of("record", "server"),
      Target.Kind.PING, Set.of());
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_*]([A-Za-z0-9_.-]{0,252})?\\.?");

  private TargetField() {}

  /** Every field a target can use, for the list of a monitor's known fields. */
  static Set<String> fields() {
    Set<String> all = new java.util.HashSet<>();
    for (Target.Kind k : Target.Kind.values()) {
      all.add(k.field());
      all.addAll(OWN.get(k));
    }
    return all;
  }

  static Target read(Fields f) {
    List<Target.Kind> written = new ArrayList<>();
    for (Target.Kind k : Target.Kind.values()) if (f.has(k.field())) written.add(k);
    if (written.isEmpty()) {
      f.problem(f.map.where, "missing field \"url\" (or \"tcp\", \"tls\", \"dns\", \"ping\")");
      return null;
    }
    Target.Kind kind = written.get(0);
    if (written.size() > 1) {
      f.problem(written.get(1).field(), "a monitor checks one thing: use \"" + kind.field() + "\" or \""
          + written.get(1).field() + "\", not both");
      return null;
    }
    OWN.forEach((other, own) -> {
      if (other == kind) return;
      for (String field : own) {
        if (f.has(field)) f.problem(field, "only applies to a " + other.field() + " monitor, not a " + kind.field() + " one");
      }
    });
    switch (kind) {
      case HTTP: {
        String url = f.url("url", true);
        return url == null ? null : new Target.Http(url);
      }
      case TCP: {
        HostPort at = hostPort(f, "tcp", "db.example:5432", -1);
        String send = f.text("send", false);
        if (send != null && (send.contains("\n") || send.contains("\r"))) f.problem("send", "must be one line");
        return at == null || f.failed() ? null : new Target.Tcp(at.host(), at.port(), send);
      }
      case TLS: {
        HostPort at = hostPort(f, "tls", "mail.example:465", -1);
        boolean verify = f.bool("verify", true);
        return at == null ? null : new Target.Tls(at.host(), at.port(), verify);
      }
      case DNS: {
        String name = text(f, "dns");
        if (name != null && !NAME.matcher(name).matches()) {
          f.problem("dns", "\"" + name + "\" is not a DNS name like db.example");
          name = null;
        }
        String record = f.text("record", false);
        if (record == null) {
          record = "A";
        } else if (!Target.Dns.RECORDS.contains(record.toUpperCase(java.util.Locale.ROOT))) {
          f.problem("record", "\"" + record + "\" must be A, AAAA, CNAME, MX, TXT or NS");
          record = null;
        }
        HostPort server = f.has("server") ? hostPort(f, "server", "127.0.0.1:53", 53) : null;
        if (name == null || record == null || (f.has("server") && server == null)) return null;
        return new Target.Dns(name, record.toUpperCase(java.util.Locale.ROOT), server);
      }
      default: {
        String host = text(f, "ping");
        if (host != null && (host.startsWith("-") || !HOST.matcher(host).matches())) {
          f.problem("ping", "\"" + host + "\" is not a host name or address");
          return null;
        }
        Optional<String> unavailable = PingChecker.unavailable();
        if (host != null && unavailable.isPresent()) {
          f.problem("ping", unavailable.get());
          return null;
        }
        return host == null ? null : new Target.Ping(host);
      }
    }
  }

  private static String text(Fields f, String field) {
    String raw = f.text(field, true);
    return raw == null ? null : f.substitute(raw.strip(), field, f.where(field));
  }

  /** {@code host:port}; with a {@code defaultPort} above 0, a host alone is allowed. */
  private static HostPort hostPort(Fields f, String field, String example, int defaultPort) {
    String text = text(f, field);
    if (text == null) return null;
    Optional<HostPort> parsed = HostPort.parse(text);
    if (parsed.isEmpty() && defaultPort > 0 && !text.contains(":")) parsed = HostPort.parse(text + ":" + defaultPort);
    if (parsed.isEmpty() || parsed.get().host().startsWith("-")) {
      f.problem(field, "\"" + text + "\" is not host:port with a port from 1 to 65535 (e.g. " + example + ")");
      return null;
    }
    return parsed.get();
  }
}
