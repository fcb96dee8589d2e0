package dev.vigil.ui;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import javafx.animation.AnimationTimer;

/**
 * Runs one queued task per FX pulse, so that work split into parts leaves a frame drawn between the parts.
 * Used on the FX thread only; the timer runs only while tasks wait.
 */
final class Frames implements Executor {
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private AnimationTimer timer;

  @Override
  public void execute(Runnable task) {
    queue.add(task);
    if (timer == null) {
      timer = new AnimationTimer() {
        @Override public void handle(long now) {
          Runnable next = queue.poll();
          if (next != null) next.run();
          if (queue.isEmpty()) stop();
        }
      };
    }
    timer.start();
  }
}
