package dev.vigil.check;

import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Handshake;
import okhttp3.Response;

/** One check in flight: it turns whatever OkHttp reports, or the lack of any report, into one Observation. */
final class Attempt implements Callback {
  private final CheckRequest request;
  private final String host;
  private final Instant at;
  private final long startNanos = System.nanoTime();
  private final CompletableFuture<Observation> result = new CompletableFuture<>();
  private volatile boolean resolving;

  Attempt(CheckRequest request, String host, Instant at) {
    this.request = request;
    this.host = host;
    this.at = at;
  }

  CompletableFuture<Observation> result() {
    return result;
  }

  void resolving(boolean resolving) {
    this.resolving = resolving;
  }

  /** Completes the check unless it already completed; true when this call completed it. */
  boolean finish(Observation observation) {
    return result.complete(observation);
  }

  Observation failed(Failure failure) {
    return Observation.failed(at, failure.failureClass(), failure.detail(), elapsed());
  }

  /** What the check saw when nothing came back in time: a lookup still hanging is a DNS failure. */
  Observation timedOut() {
    return failed(resolving ? Failure.DNS_TIMED_OUT : Failure.timeout(request.timeout()));
  }

  @Override
  public void onFailure(Call call, IOException e) {
    Failure failure = Failure.of(e, request.timeout(), host);
    finish(failed(resolving && failure.failureClass() == FailureClass.TIMEOUT ? Failure.DNS_TIMED_OUT : failure));
  }

  @Override
  public void onResponse(Call call, Response response) {
    Observation observation;
    try (response) {
      observation = read(response);
    }
    finish(observation);
  }

  private Observation read(Response response) {
    CappedBody body = null;
    Failure failure = null;
    if (request.readBody()) {
      try {
        body = CappedBody.read(response.body(), request.bodyCap());
      } catch (IOException e) {
        failure = Failure.inBody(e, request.timeout());
      }
    }
    X509Certificate leaf = leaf(response.handshake());
    return new Observation(
        at,
        failure == null ? null : failure.failureClass(),
        failure == null ? null : failure.detail(),
        response.code(),
        elapsed(),
        response.headers().toMultimap(),
        body == null ? null : body.text(),
        body != null && body.truncated(),
        leaf == null ? null : leaf.getNotAfter().toInstant(),
        leaf == null ? null : leaf.getSubjectX500Principal().getName(),
        null,
        null,
        null);
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static X509Certificate leaf(Handshake handshake) {
    if (handshake == null) return null;
    List<Certificate> certificates = handshake.peerCertificates();
    return !certificates.isEmpty() && certificates.get(0) instanceof X509Certificate leaf ? leaf : null;
  }
}
