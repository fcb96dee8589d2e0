package dev.vigil.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Runs a piece of work on the FX thread and waits for it: for the probes and the screenshot tool, not for tests. */
public final class OnFx {
  private OnFx() {}

  public static void run(Runnable r) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Platform.runLater(() -> {
      try {
        r.run();
      } finally {
        done.countDown();
      }
    });
    if (!done.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the FX thread did not answer within 30 s");
  }
}
