package dev.vigil.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * {@code tls: host:port}: a TLS handshake without HTTP. With {@code verify} (the default) the chain must be trusted
 * and the certificate must name the host; with {@code verify: false} any certificate is read, so its dates and
 * subject can still be judged.
 */
final class TlsChecker implements Checker {
  private final BlockingChecks blocking;
  private final SSLSocketFactory verified;
  private final SSLSocketFactory unverified;

  /** @param trusted the context whose trust verifies servers (the JDK's default in production) */
  TlsChecker(Clock clock, SSLContext trusted) {
    this.blocking = new BlockingChecks(clock, "vigil-tls");
    this.verified = trusted.getSocketFactory();
    this.unverified = trustingAll();
  }

  static TlsChecker create(Clock clock) {
    try {
      return new TlsChecker(clock, SSLContext.getDefault());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no default TLS context", e);
    }
  }

  @Override
  public CompletableFuture<Observation> check(CheckRequest request) {
    Target.Tls tls = (Target.Tls) request.target();
    return blocking.run(request, tls.host(), probe -> observe(probe, tls));
  }

  private Observation observe(Probe probe, Target.Tls tls) throws IOException {
    InetAddress address = InetAddress.getByName(tls.host());
    try (Socket raw = probe.hold(new Socket())) {
      raw.connect(new InetSocketAddress(address, tls.port()), probe.remainingMillis());
      SSLSocketFactory factory = tls.verify() ? verified : unverified;
      try (SSLSocket socket = probe.hold((SSLSocket) factory.createSocket(raw, tls.host(), tls.port(), true))) {
        if (tls.verify()) {
          SSLParameters parameters = socket.getSSLParameters();
          parameters.setEndpointIdentificationAlgorithm("HTTPS");
          socket.setSSLParameters(parameters);
        }
        socket.setSoTimeout(probe.remainingMillis());
        socket.startHandshake();
        Certificate[] chain = socket.getSession().getPeerCertificates();
        X509Certificate leaf = chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
        return new Observation(probe.at, null, null, -1, probe.elapsed(), Map.of(), null, false,
            leaf == null ? null : leaf.getNotAfter().toInstant(),
            leaf == null ? null : leaf.getSubjectX500Principal().getName(), null, null, null);
      }
    }
  }

  private static SSLSocketFactory trustingAll() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new javax.net.ssl.TrustManager[] {new TrustingAll()}, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a TLS context", e);
    }
  }

  /** For {@code verify: false} only: reads any certificate so that its dates and subject can be judged. */
  private static final class TrustingAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  @Override
  public void close() {
    blocking.close();
  }
}
