package dev.vigil.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  static Stream<Arguments> beforeAResponse() {
    return Stream.of(
        arguments("a name that does not resolve", new UnknownHostException("pay.example: Name or service not known"),
            FailureClass.DNS, "unknown host pay.example"),
        arguments("a lookup that gave up", new UnknownHostException("dns lookup timed out"),
            FailureClass.DNS, "dns lookup timed out"),
        arguments("the call timeout, wrapping a lookup that gave up",
            cause(new InterruptedIOException("timeout"), new UnknownHostException("dns lookup timed out")),
            FailureClass.DNS, "dns lookup timed out"),
        arguments("the call timeout", new InterruptedIOException("timeout"), FailureClass.TIMEOUT, "timed out after 5s"),
        arguments("a socket timeout", new SocketTimeoutException("Read timed out"),
            FailureClass.TIMEOUT, "timed out after 5s"),
        arguments("OkHttp's wrapped refusal",
            cause(new ConnectException("Failed to connect to pay.example/10.0.0.1:443"),
                new ConnectException("Connection refused")),
            FailureClass.CONNECT, "connection refused"),
        arguments("no route", new NoRouteToHostException("No route to host"), FailureClass.CONNECT, "no route to host"),
        arguments("a reset before the response", new SocketException("Connection reset"),
            FailureClass.CONNECT, "connection reset"),
        arguments("an expired certificate",
            cause(new SSLHandshakeException("PKIX path validation failed"), new CertificateExpiredException("NotAfter")),
            FailureClass.TLS, "certificate expired"),
        arguments("OkHttp's hostname check",
            new SSLPeerUnverifiedException("Hostname localhost not verified:\n certificate: sha256/AAAA"),
            FailureClass.TLS, "hostname mismatch"),
        arguments("an unknown issuer",
            new SSLHandshakeException("PKIX path building failed: unable to find valid certification path"),
            FailureClass.TLS, "self-signed or untrusted certificate"),
        arguments("some other handshake failure", new SSLHandshakeException("Received fatal alert: handshake_failure"),
            FailureClass.TLS, "tls handshake failed"),
        arguments("more than 20 redirects", new ProtocolException("Too many follow-up requests: 21"),
            FailureClass.PROTOCOL, "redirect loop"),
        arguments("a connection closed before the status line",
            cause(new IOException("unexpected end of stream on http://u:p@pay.example/..."), new EOFException()),
            FailureClass.PROTOCOL, "unexpected end of stream"),
        arguments("a garbled status line, URLs cut out",
            new ProtocolException("Unexpected status line: https://pay.example/?token=s3cret HTTP/9"),
            FailureClass.PROTOCOL, "protocol error: Unexpected status line: HTTP/9"),
        arguments("anything else", new IOException("Canceled"), FailureClass.PROTOCOL, "io error: Canceled"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("beforeAResponse")
  void failuresBeforeAResponseAreClassifiedInPlainWords(
      String intent, IOException e, FailureClass failureClass, String detail) {
    assertThat(Failure.of(e, TIMEOUT, "pay.example")).isEqualTo(new Failure(failureClass, detail));
  }

  static Stream<Arguments> whileReadingTheBody() {
    return Stream.of(
        arguments("the call timeout", new InterruptedIOException("timeout"), FailureClass.TIMEOUT, "timed out after 5s"),
        arguments("fewer bytes than Content-Length", new ProtocolException("unexpected end of stream"),
            FailureClass.BODY, "body truncated: unexpected end of stream"),
        arguments("a reset mid-body", new SocketException("Connection reset"),
            FailureClass.BODY, "body truncated: connection reset"),
        arguments("anything else", new IOException("stream was reset: PROTOCOL_ERROR"),
            FailureClass.BODY, "body truncated: connection reset"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("whileReadingTheBody")
  void failuresWhileReadingTheBodyAreBodyFailuresUnlessTheyTimedOut(
      String intent, IOException e, FailureClass failureClass, String detail) {
    assertThat(Failure.inBody(e, TIMEOUT)).isEqualTo(new Failure(failureClass, detail));
  }

  @ParameterizedTest(name = "{0} is shown as {1}")
  @MethodSource("durations")
  void durationsAreShownTheWayRulesWriteThem(Duration duration, String shown) {
    assertThat(Failure.format(duration)).isEqualTo(shown);
  }

  static Stream<Arguments> durations() {
    return Stream.of(
        arguments(Duration.ofMillis(500), "500ms"),
        arguments(Duration.ofSeconds(5), "5s"),
        arguments(Duration.ofSeconds(90), "90s"),
        arguments(Duration.ofMillis(1500), "1s500ms"));
  }

  private static IOException cause(IOException e, Throwable cause) {
    e.initCause(cause);
    return e;
  }
}
