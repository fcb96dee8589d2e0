package dev.vigil.api;

/**
 * Limits of the JDK HTTP server that protect the local API from slow clients. The JDK reads them from system
 * properties once, when the first {@code HttpServer} of the process is created, so every class that creates
 * one calls {@link #apply()} first (a layer rule checks it); a value given on the command line wins.
 *
 * <ul>
 *   <li>{@code sun.net.httpserver.maxReqTime}: a request (line, headers and body) must arrive within
 *       {@value #REQUEST_SECONDS} s, or the connection is closed. A client sending a byte a second is cut off.
 *   <li>{@code sun.net.httpserver.maxReqHeaders}: at most {@value #MAX_HEADERS} header lines.
 * </ul>
 * The response time is left unlimited, so the demo fleet's deliberately hanging endpoints keep hanging.
 */
public final class HttpServerLimits {
  static final int REQUEST_SECONDS = 10;
  static final int MAX_HEADERS = 64;

  private HttpServerLimits() {}

  public static void apply() {
    setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
    setIfAbsent("sun.net.httpserver.maxReqHeaders", String.valueOf(MAX_HEADERS));
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) System.setProperty(property, value);
  }
}
