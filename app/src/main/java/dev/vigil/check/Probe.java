package dev.vigil.check;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;

/**
 * One blocking check in flight (a socket, a process): how much of its timeout is left, and what to close when its
 * deadline passes, so a thread stuck in a read is set free.
 */
final class Probe {
  final CheckRequest request;
  final Instant at;
  private final long startNanos = System.nanoTime();
  private final Object lock = new Object();
  private AutoCloseable open;
  private boolean over;

  Probe(CheckRequest request, Instant at) {
    this.request = request;
    this.at = at;
  }

  /** What is left of the timeout, at least 1 ms; none left is a timeout. */
  int remainingMillis() throws SocketTimeoutException {
    long left = request.timeout().toMillis() - elapsed().toMillis();
    if (left <= 0) throw new SocketTimeoutException("no time left");
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  /** Closes {@code resource} if the deadline passes before the check ends; the resource is returned. */
  <T extends AutoCloseable> T hold(T resource) throws IOException {
    synchronized (lock) {
      if (over) {
        closeQuietly(resource);
        throw new SocketTimeoutException("deadline passed");
      }
      open = resource;
    }
    return resource;
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  Observation failed(Failure failure) {
    return Observation.failed(at, failure.failureClass(), failure.detail(), elapsed());
  }

  /** Ends the check: what it holds is closed (the deadline passed, or the check is done). */
  void end() {
    AutoCloseable resource;
    synchronized (lock) {
      over = true;
      resource = open;
      open = null;
    }
    if (resource != null) closeQuietly(resource);
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception ignored) {
      // closing is only to free the thread
    }
  }
}
