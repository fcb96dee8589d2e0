package dev.vigil.check;

/**
 * What a check's outcome proves about the path to its host. A far end that answered, even with a refusal, proves
 * this machine's network works; only a check that got no answer at all can be evidence of a network problem here,
 * and never on its own (see {@code state.NetworkSense}).
 */
public enum Reach {
  /** The host answered: a response, a TLS handshake, a refused or reset connection, an ICMP port unreachable. */
  ANSWERED,
  /** No path to the host: no route, network unreachable. */
  NO_PATH,
  /** The host name did not resolve. */
  NO_NAME,
  /** Nothing came back before the timeout. */
  NO_ANSWER;

  static final String REFUSED = "connection refused";
  static final String RESET = "connection reset";
  static final String PORT_UNREACHABLE = "port unreachable";
  static final String NO_ROUTE = "no route to host";
  static final String NETWORK_UNREACHABLE = "network unreachable";
  static final String CONNECT_FAILED = "connect failed";

  /** The reach of what one check saw: any response is an answer, whatever the conditions made of it. */
  public static Reach of(Observation seen) {
    if (seen.responded() || seen.rcode() != null || seen.banner() != null) return ANSWERED; // a DNS server's or TCP peer's answer
    return of(seen.failure(), seen.failureDetail());
  }

  /** The reach of a check that passed ({@code failure == null}) or failed with this class and detail. */
  public static Reach of(FailureClass failure, String detail) {
    if (failure == null) return ANSWERED;
    return switch (failure) {
      case DNS -> NO_NAME;
      case TIMEOUT -> NO_ANSWER;
      case CONNECT -> REFUSED.equals(detail) || RESET.equals(detail) || PORT_UNREACHABLE.equals(detail) ? ANSWERED : NO_PATH;
      case TLS, STATUS, BODY, PROTOCOL -> ANSWERED;
    };
  }

  /** True when this outcome may be explained by this machine's network being down. */
  public boolean unanswered() {
    return this != ANSWERED;
  }
}
