package dev.vigil.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one background thread for all store and engine calls, and the way back to the FX thread.
 * The FX thread hands work here and never waits for it.
 */
public final class Io implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Io.class);

  private final Executor background;
  private final Executor fx;
  private final Executor frames;
  private final ScheduledExecutorService owned;
  private volatile Consumer<String> onError = message -> {};

  Io(Executor background, Executor fx) {
    this.background = background;
    this.fx = fx;
    this.frames = Runnable::run;
    this.owned = null;
  }

  private Io(ScheduledExecutorService owned, Executor fx) {
    this.background = owned;
    this.fx = fx;
    this.frames = new Frames();
    this.owned = owned;
  }

  /** A real worker thread publishing with {@code fx} (Platform::runLater in the app). */
  public static Io thread(Executor fx) {
    return new Io(Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigil-ui-io");
      t.setDaemon(true);
      return t;
    }), fx);
  }

  /** Runs everything at once on the caller's thread: for headless tests. */
  public static Io direct() {
    return new Io(Runnable::run, Runnable::run);
  }

  /** Where failures are told to the user (a status line); messages are already in words. */
  public void onError(Consumer<String> onError) {
    this.onError = onError;
  }

  /** Runs {@code work} in the background, then hands its result to {@code then} on the FX thread. */
  public <T> void load(Callable<T> work, Consumer<T> then) {
    background.execute(() -> {
      T result;
      try {
        result = work.call();
      } catch (Exception | LinkageError e) {
        log.warn("Background work failed", e);
        String message = "Could not complete that: " + (e.getMessage() == null ? e.toString() : e.getMessage());
        fx.execute(() -> onError.accept(message));
        return;
      }
      fx.execute(() -> then.accept(result));
    });
  }

  /** Runs {@code work} in the background, then {@code then} on the FX thread. */
  public void run(ThrowingRunnable work, Runnable then) {
    load(() -> {
      work.run();
      return Boolean.TRUE;
    }, ignored -> then.run());
  }

  /** Repeats {@code work} on the background thread; a no-op for {@link #direct()} (tests call it by hand). */
  public void every(long millis, Runnable work) {
    if (owned == null) return;
    boolean[] failing = {false};
    owned.scheduleWithFixedDelay(() -> {
      try {
        work.run();
        if (failing[0]) log.info("Periodic work works again");
        failing[0] = false;
      } catch (RuntimeException e) {
        if (!failing[0]) log.warn("Periodic work failed; said once until it works again", e);
        failing[0] = true;
      }
    }, 0, millis, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code work} once on the background thread after {@code millis}; a no-op for {@link #direct()}. */
  public void after(long millis, Runnable work) {
    if (owned == null || owned.isShutdown()) return;
    try {
      owned.schedule(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          log.warn("Background work failed", e);
        }
      }, millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // closed meanwhile: nothing is listening any more
    }
  }

  /** Runs on the FX thread (used by background work that publishes). */
  public void fx(Runnable work) {
    fx.execute(work);
  }

  /**
   * Runs {@code work} on the FX thread at a coming pulse, one such task per pulse, so work handed over in parts
   * leaves frames drawn between the parts; call it on the FX thread. At once for {@link #direct()}.
   */
  public void nextFrame(Runnable work) {
    frames.execute(work);
  }

  @Override
  public void close() {
    if (owned != null) owned.shutdownNow();
  }

  /** Work that may throw. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }
}
