package dev.vigil.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How long {@code run} and {@code demo} last: until the process is told to stop (Ctrl-C, SIGTERM, logout) or
 * {@link #stop()} is called (the tray's Quit, a test). A shutdown hook waits for the command to close its store.
 */
public final class Lifetime {
  private static final long CLOSE_SECONDS = 10;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  public void stop() {
    stop.countDown();
  }

  /** Blocks until stopped; the caller closes what it opened after this returns, then calls {@link #closed()}. */
  public void await() throws InterruptedException {
    Thread hook = new Thread(() -> {
      stop();
      try {
        closed.await(CLOSE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "vigil-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stop.await();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running and waits for closed()
      }
    }
  }

  public void closed() {
    closed.countDown();
  }
}
