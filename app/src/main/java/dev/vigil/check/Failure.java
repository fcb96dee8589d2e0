package dev.vigil.check;

import dev.vigil.config.Durations;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Why an exchange failed, in words without secrets: never a header value, never the URL's query or
 * user-info. Exception messages are only echoed after URLs are cut out of them.
 */
record Failure(FailureClass failureClass, String detail) {
  static final Failure DNS_TIMED_OUT = new Failure(FailureClass.DNS, BoundedDns.TIMED_OUT);
  private static final Pattern URL = Pattern.compile("\\S+://\\S*");
  private static final int MAX_ECHO = 80;

  static Failure timeout(Duration timeout) {
    return new Failure(FailureClass.TIMEOUT, "timed out after " + format(timeout));
  }

  /** Classifies a failure before a response arrived. */
  static Failure of(IOException e, Duration timeout, String host) {
    List<Throwable> chain = chain(e);
    UnknownHostException unknown = find(chain, UnknownHostException.class);
    if (unknown != null) {
      return BoundedDns.TIMED_OUT.equals(unknown.getMessage())
          ? DNS_TIMED_OUT
          : new Failure(FailureClass.DNS, "unknown host " + host);
    }
    if (find(chain, InterruptedIOException.class) != null) return timeout(timeout);
    if (find(chain, SSLException.class) != null || find(chain, CertificateException.class) != null) {
      return new Failure(FailureClass.TLS, tls(chain));
    }
    if (find(chain, NoRouteToHostException.class) != null) return connect(Reach.NO_ROUTE);
    if (find(chain, PortUnreachableException.class) != null) return connect(Reach.PORT_UNREACHABLE);
    if (find(chain, ConnectException.class) != null) {
      if (mentions(chain, "refused")) return connect(Reach.REFUSED);
      if (mentions(chain, "network is unreachable")) return connect(Reach.NETWORK_UNREACHABLE);
      if (mentions(chain, "no route")) return connect(Reach.NO_ROUTE);
      return connect(Reach.CONNECT_FAILED);
    }
    if (find(chain, SocketException.class) != null) {
      // The JDK reports ENETUNREACH and EHOSTUNREACH from connect as a plain SocketException.
      if (mentions(chain, "network is unreachable")) return connect(Reach.NETWORK_UNREACHABLE);
      if (mentions(chain, "host is unreachable") || mentions(chain, "no route to host")) return connect(Reach.NO_ROUTE);
    }
    if (mentions(chain, "unexpected end of stream") || find(chain, EOFException.class) != null) {
      return new Failure(FailureClass.PROTOCOL, "unexpected end of stream");
    }
    if (find(chain, SocketException.class) != null && mentions(chain, "reset")) {
      return connect(Reach.RESET);
    }
    ProtocolException protocol = find(chain, ProtocolException.class);
    if (protocol != null) {
      return new Failure(
          FailureClass.PROTOCOL,
          mentions(chain, "Too many follow-up requests") ? "redirect loop" : "protocol error: " + echo(protocol));
    }
    return new Failure(FailureClass.PROTOCOL, "io error: " + echo(e));
  }

  /** Classifies a failure while reading the body of a response that did arrive. */
  static Failure inBody(IOException e, Duration timeout) {
    List<Throwable> chain = chain(e);
    if (find(chain, InterruptedIOException.class) != null) return timeout(timeout);
    String why;
    if (mentions(chain, "unexpected end of stream") || find(chain, EOFException.class) != null) {
      why = "unexpected end of stream";
    } else if (mentions(chain, "reset")) {
      why = "connection reset";
    } else {
      why = echo(e);
    }
    return new Failure(FailureClass.BODY, "body truncated: " + why);
  }

  /** "500ms", "5s", "90s": as rules write a timeout. */
  static String format(Duration duration) {
    return Durations.format(duration, java.time.temporal.ChronoUnit.SECONDS);
  }

  private static String tls(List<Throwable> chain) {
    if (find(chain, CertificateExpiredException.class) != null || expiredPath(chain)) return "certificate expired";
    if (find(chain, CertificateNotYetValidException.class) != null) return "certificate not yet valid";
    SSLPeerUnverifiedException unverified = find(chain, SSLPeerUnverifiedException.class);
    if ((unverified != null && String.valueOf(unverified.getMessage()).startsWith("Hostname"))
        || mentions(chain, "No subject alternative")) {
      return "hostname mismatch";
    }
    if (find(chain, CertPathBuilderException.class) != null || mentions(chain, "PKIX path building failed")) {
      return "self-signed or untrusted certificate";
    }
    return "tls handshake failed";
  }

  private static boolean expiredPath(List<Throwable> chain) {
    CertPathValidatorException invalid = find(chain, CertPathValidatorException.class);
    return invalid != null && invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED;
  }

  private static Failure connect(String detail) {
    return new Failure(FailureClass.CONNECT, detail);
  }

  private static List<Throwable> chain(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && chain.size() < 10 && !chain.contains(t); t = t.getCause()) chain.add(t);
    return chain;
  }

  private static <T extends Throwable> T find(List<Throwable> chain, Class<T> type) {
    for (Throwable t : chain) {
      if (type.isInstance(t)) return type.cast(t);
    }
    return null;
  }

  private static boolean mentions(List<Throwable> chain, String words) {
    String lower = words.toLowerCase(Locale.ROOT);
    for (Throwable t : chain) {
      if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(lower)) return true;
    }
    return false;
  }

  private static String echo(Throwable e) {
    if (e.getMessage() == null || e.getMessage().isBlank()) return e.getClass().getSimpleName();
    String message = URL.matcher(e.getMessage()).replaceAll("").replaceAll("\\s+", " ").strip();
    return message.length() <= MAX_ECHO ? message : message.substring(0, MAX_ECHO) + "...";
  }
}
