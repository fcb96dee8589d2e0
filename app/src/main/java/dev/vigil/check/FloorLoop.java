package dev.vigil.check;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The floor {@code vigil bench} measures a check against: the leanest loop of OkHttp requests that does what a
 * check's HTTP part must, with {@link HttpChecker}'s client settings (dispatcher, pool, timeouts) and a call timeout
 * per request. The requests of one slot start together on one thread, as the schedule starts a slot's checks; each
 * response's status is read and the response closed. Nothing else: no event listener, deadline, observation,
 * evaluation, state or store. Requests are prepared once.
 */
public final class FloorLoop implements AutoCloseable {
  private final OkHttpClient client;
  private final Duration timeout;
  private final LongAdder completed = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final Callback callback = new Callback() {
    @Override
    public void onResponse(Call call, Response response) {
      try (response) {
        if (response.code() <= 0) failed.increment();
      }
      completed.increment();
    }

    @Override
    public void onFailure(Call call, IOException e) {
      failed.increment();
      completed.increment();
    }
  };
  private volatile Thread thread;

  public FloorLoop(Duration timeout) {
    this(timeout, HttpChecker.DEFAULT_CONCURRENCY);
  }

  public FloorLoop(Duration timeout, int maxConcurrency) {
    this.client = ClientSettings.builder(maxConcurrency).build();
    this.timeout = timeout;
  }

  /** Requests every URL at once and waits until all have answered: the connections are then open. */
  public boolean burst(List<String> urls, Duration wait) throws InterruptedException {
    CountDownLatch all = new CountDownLatch(urls.size());
    for (String url : urls) {
      call(request(url)).enqueue(new Callback() {
        @Override
        public void onResponse(Call call, Response response) {
          response.close();
          all.countDown();
        }

        @Override
        public void onFailure(Call call, IOException e) {
          all.countDown();
        }
      });
    }
    return all.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Starts the loop on a thread of its own: every {@code interval}, at each slot (milliseconds from the epoch's
   * whole intervals, as the schedule places a monitor), the slot's requests start together.
   */
  public void start(Map<Long, List<String>> urlsBySlot, Duration interval) {
    TreeMap<Long, List<Request>> slots = new TreeMap<>();
    urlsBySlot.forEach((slot, urls) -> slots.put(slot, urls.stream().map(FloorLoop::request).toList()));
    long period = interval.toMillis();
    Thread t = new Thread(() -> loop(slots, period), "vigil-floor-loop");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  private void loop(TreeMap<Long, List<Request>> slots, long period) {
    long now = System.currentTimeMillis();
    long cycle = Math.floorDiv(now, period) * period;
    while (thread == Thread.currentThread()) {
      for (Map.Entry<Long, List<Request>> slot : slots.entrySet()) {
        long at = cycle + slot.getKey();
        long wait = at - System.currentTimeMillis();
        if (wait < 0 && at < now) continue; // before the loop started
        try {
          if (wait > 0) Thread.sleep(wait);
        } catch (InterruptedException e) {
          return;
        }
        if (thread != Thread.currentThread()) return;
        for (Request request : slot.getValue()) call(request).enqueue(callback);
      }
      cycle += period;
    }
  }

  private Call call(Request request) {
    Call call = client.newCall(request);
    call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    return call;
  }

  private static Request request(String url) {
    return new Request.Builder().url(HttpUrl.get(url)).build();
  }

  /** Requests completed so far (answered or failed). */
  public long completed() {
    return completed.sum();
  }

  /** Requests that failed or got no status so far. */
  public long failed() {
    return failed.sum();
  }

  @Override
  public void close() {
    Thread t = thread;
    thread = null;
    if (t != null) {
      t.interrupt();
      try {
        t.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
