package dev.vigil.check;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/** Every kind of check behind one {@link Checker}: each request goes to the checker of its target's kind. */
public final class Checkers implements Checker {
  private final Checker http;
  private final Checker tcp;
  private final Checker tls;
  private final Checker dns;
  private final Checker ping;

  Checkers(Checker http, Checker tcp, Checker tls, Checker dns, Checker ping) {
    this.http = http;
    this.tcp = tcp;
    this.tls = tls;
    this.dns = dns;
    this.ping = ping;
  }

  /** Checks of every kind; HTTP ones go to {@code http}, which this closes with the rest. */
  public static Checkers create(Clock clock, HttpChecker http) {
    return new Checkers(http, new TcpChecker(clock), TlsChecker.create(clock), new DnsChecker(clock), new PingChecker(clock));
  }

  public static Checkers create(Clock clock) {
    return create(clock, HttpChecker.create(clock));
  }

  @Override
  public CompletableFuture<Observation> check(CheckRequest request) {
    return switch (request.target().kind()) {
      case HTTP -> http.check(request);
      case TCP -> tcp.check(request);
      case TLS -> tls.check(request);
      case DNS -> dns.check(request);
      case PING -> ping.check(request);
    };
  }

  @Override
  public void close() {
    http.close();
    tcp.close();
    tls.close();
    dns.close();
    ping.close();
  }
}
