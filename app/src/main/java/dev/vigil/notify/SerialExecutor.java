package dev.vigil.notify;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** Runs tasks one at a time, in order, on another executor (so store writes keep their order). */
final class SerialExecutor implements Executor {
  private final Executor under;
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private Runnable active;

  SerialExecutor(Executor under) {
    this.under = under;
  }

  @Override
  public synchronized void execute(Runnable r) {
    tasks.add(() -> {
      try {
        r.run();
      } finally {
        next();
      }
    });
    if (active == null) next();
  }

  private synchronized void next() {
    if ((active = tasks.poll()) != null) under.execute(active);
  }
}
