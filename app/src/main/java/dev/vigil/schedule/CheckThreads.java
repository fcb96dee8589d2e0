package dev.vigil.schedule;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.spi.ThreadPool;

/**
 * Quartz's worker threads, on a fixed {@link ThreadPoolExecutor}: an idle worker waits on the executor's queue
 * until Quartz hands it a job. Quartz's own {@code SimpleThreadPool} wakes every idle worker twice a second to look
 * for work; six of them were a quarter of an idle Vigil's wake-ups. A semaphore counts the free threads, so
 * {@link #blockForAvailableThreads} and {@link #runInThread} keep the contract Quartz's scheduler thread relies on:
 * a job handed over starts at once. Configured with {@code org.quartz.threadPool.class} and
 * {@code org.quartz.threadPool.threadCount}.
 */
public final class CheckThreads implements ThreadPool {
  private int threadCount = 1;
  private String instanceName = "quartz";
  private Semaphore free;
  private ExecutorService executor;
  private volatile boolean shutdown;

  /** Set by Quartz from {@code org.quartz.threadPool.threadCount}. */
  public void setThreadCount(int threadCount) {
    if (threadCount < 1) throw new IllegalArgumentException("threadCount < 1: " + threadCount);
    this.threadCount = threadCount;
  }

  @Override
  public void initialize() {
    free = new Semaphore(threadCount);
    AtomicInteger n = new AtomicInteger();
    executor = new ThreadPoolExecutor(threadCount, threadCount, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, instanceName + "_Worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public boolean runInThread(Runnable job) {
    if (shutdown) return false;
    try {
      while (!free.tryAcquire(500, TimeUnit.MILLISECONDS)) {
        if (shutdown) return false; // only loops while every thread is busy
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    try {
      executor.execute(() -> {
        try {
          job.run();
        } finally {
          free.release();
        }
      });
      return true;
    } catch (java.util.concurrent.RejectedExecutionException e) {
      free.release();
      return false;
    }
  }

  @Override
  public int blockForAvailableThreads() {
    try {
      while (!shutdown) {
        if (free.tryAcquire(500, TimeUnit.MILLISECONDS)) { // only loops while every thread is busy
          free.release();
          return Math.max(1, free.availablePermits());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  @Override
  public void shutdown(boolean waitForJobsToComplete) {
    shutdown = true;
    if (executor == null) return;
    executor.shutdown();
    if (!waitForJobsToComplete) return;
    try {
      executor.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public int getPoolSize() {
    return threadCount;
  }

  @Override
  public void setInstanceId(String schedInstId) {}

  @Override
  public void setInstanceName(String schedName) {
    this.instanceName = schedName;
  }
}
