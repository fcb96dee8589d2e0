package dev.vigil.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Dns;

/**
 * A {@link Dns} that gives up after a budget. A system lookup cannot be interrupted, so it runs on a small
 * pool of its own and the calling OkHttp thread stops waiting for it; one shared instance per client, since
 * the connection pool only reuses connections whose {@code Dns} is equal.
 */
final class BoundedDns implements Dns, AutoCloseable {
  static final String TIMED_OUT = "dns lookup timed out";
  private static final int THREADS = 8;

  private final Dns delegate;
  private final Duration budget;
  private final ThreadPoolExecutor lookups;

  BoundedDns(Dns delegate, Duration budget) {
    this.delegate = delegate;
    this.budget = budget;
    this.lookups = new ThreadPoolExecutor(
        THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), Threads.daemon("vigil-dns"));
    lookups.allowCoreThreadTimeOut(true);
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    Future<List<InetAddress>> lookup = lookups.submit(() -> delegate.lookup(hostname));
    try {
      return lookup.get(budget.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      lookup.cancel(true);
      throw new UnknownHostException(TIMED_OUT);
    } catch (InterruptedException e) {
      lookup.cancel(true);
      Thread.currentThread().interrupt();
      throw new UnknownHostException("dns lookup interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownHostException unknown) throw unknown;
      UnknownHostException failed = new UnknownHostException(hostname);
      failed.initCause(e.getCause());
      throw failed;
    }
  }

  @Override
  public void close() {
    lookups.shutdownNow();
  }
}
