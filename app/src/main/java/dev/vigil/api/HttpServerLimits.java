package dev.vigil.api;

/**
 * Limits of the JDK HTTP server that protect the local API from slow clients, and its Nagle switch. The JDK reads
 * them from system properties once, when the first {@code HttpServer} of the process is created, so every class
 * that creates one calls {@link #apply()} first (a layer rule checks it); a value given on the command line wins.
 *
 * <ul>
 *   <li>{@code sun.net.httpserver.maxReqTime}: a request (line, headers and body) must arrive within
 *       {@value #REQUEST_SECONDS} s, or the connection is closed. A client sending a byte a second is cut off.
 *   <li>{@code sun.net.httpserver.maxReqHeaders}: at most {@value #MAX_HEADERS} header lines.
 *   <li>{@code sun.net.httpserver.timerMillis}: the JDK looks for such clients every {@value #TIMER_MILLIS} ms
 *       (its default, 1 s, woke an idle Vigil once a second for it); a slow client is cut within 2 s of the limit.
 *   <li>{@code sun.net.httpserver.nodelay}: responses go out at once (TCP_NODELAY). The JDK writes a response's
 *       headers and body separately; with Nagle's algorithm on, the body of every answer after the first on a
 *       kept-alive connection waited for the client's delayed ACK, 40 ms on Linux.
 * </ul>
 * The response time is left unlimited, so the demo fleet's deliberately hanging endpoints keep hanging.
 */
public final class HttpServerLimits {
  static final int REQUEST_SECONDS = 10;
  static final int MAX_HEADERS = 64;
  static final int TIMER_MILLIS = 2_000;

  private HttpServerLimits() {}

  public static void apply() {
    setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
    setIfAbsent("sun.net.httpserver.maxReqHeaders", String.valueOf(MAX_HEADERS));
    setIfAbsent("sun.net.httpserver.timerMillis", String.valueOf(TIMER_MILLIS));
    setIfAbsent("sun.net.httpserver.nodelay", "true");
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) System.setProperty(property, value);
  }
}
