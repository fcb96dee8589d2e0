package dev.vigil.check;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs checks that block (sockets, the ping command) on a bounded pool of their own. Each completes within its
 * timeout plus {@link HttpChecker#GRACE}: at the deadline it is judged timed out and what it holds is closed.
 * Time waiting for a thread counts against the check's timeout.
 */
final class BlockingChecks implements AutoCloseable {
  static final int THREADS = 64;

  /** The blocking part of a check; an IOException is classified as a failure in words. */
  interface Work {
    Observation observe(Probe probe) throws IOException;
  }

  private final Clock clock;
  private final ThreadPoolExecutor pool;
  private final ScheduledThreadPoolExecutor deadlines =
      new ScheduledThreadPoolExecutor(1, Threads.daemon("vigil-probe-deadline"));

  BlockingChecks(Clock clock, String name) {
    this.clock = clock;
    this.pool = new ThreadPoolExecutor(
        THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), Threads.daemon(name));
    pool.allowCoreThreadTimeOut(true);
    deadlines.setRemoveOnCancelPolicy(true);
  }

  /** @param host for failure words ("unknown host db.example") */
  CompletableFuture<Observation> run(CheckRequest request, String host, Work work) {
    Probe probe = new Probe(request, clock.instant());
    CompletableFuture<Observation> result = new CompletableFuture<>();
    ScheduledFuture<?> deadline = deadlines.schedule(
        () -> {
          if (result.complete(probe.failed(Failure.timeout(request.timeout())))) probe.end();
        },
        request.timeout().plus(HttpChecker.GRACE).toNanos(),
        TimeUnit.NANOSECONDS);
    result.whenComplete((o, e) -> deadline.cancel(false));
    try {
      pool.execute(() -> {
        Observation seen;
        try {
          seen = work.observe(probe);
        } catch (IOException e) {
          seen = probe.failed(Failure.of(e, request.timeout(), host));
        } catch (RuntimeException e) {
          seen = probe.failed(new Failure(FailureClass.PROTOCOL, "check failed: " + e.getClass().getSimpleName()));
        } finally {
          probe.end();
        }
        result.complete(seen);
      });
    } catch (RejectedExecutionException closed) {
      result.complete(probe.failed(new Failure(FailureClass.PROTOCOL, "checker closed")));
    }
    return result;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    deadlines.shutdownNow();
  }
}
