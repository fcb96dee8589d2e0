package dev.vigil.notify;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays the chime and the alarm through javax.sound.sampled. The alarm loops on its own daemon thread and is
 * written in 50 ms buffers to a line with a 200 ms buffer, so {@link #stop()} is heard within a quarter second.
 * Without an audio device it says so once and stays silent (the ladder still goes on to the phone).
 */
public final class SoundPlayer implements Alarm {
  private static final Logger LOG = LoggerFactory.getLogger(SoundPlayer.class);
  private static final int BUFFER_FRAMES = (int) (Tones.RATE / 20);

  /** Where PCM goes; the real one is a SourceDataLine. */
  interface Output {
    /** Writes all bytes, blocking while the device buffer is full. */
    void write(byte[] pcm, int length);

    /** Lets what was written finish playing, then closes. */
    void finish();

    /** Drops what is buffered and closes at once. */
    void abort();
  }

  private final Supplier<Output> outputs;
  private final AtomicReference<Thread> alarmThread = new AtomicReference<>();
  private volatile boolean stopRequested;
  private volatile boolean reportedMissing;
  private volatile long framesPlayed;

  public SoundPlayer() {
    this(SoundPlayer::openLine);
  }

  SoundPlayer(Supplier<Output> outputs) {
    this.outputs = outputs;
  }

  /** Why no sound can be made, or empty when an output line opens. */
  public static Optional<String> problem() {
    try {
      openLine().abort();
      return Optional.empty();
    } catch (IllegalStateException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public void chime() {
    if (isSounding()) return;
    Thread t = new Thread(() -> {
      Output out = open();
      if (out == null) return;
      byte[] pcm = Tones.chime();
      out.write(pcm, pcm.length);
      out.finish();
    }, "vigil-chime");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public synchronized void start(Duration rampUp) {
    Thread running = alarmThread.get();
    if (running != null && running.isAlive() && !stopRequested) return;
    if (running != null) joinQuietly(running);
    stopRequested = false;
    framesPlayed = 0;
    Thread t = new Thread(() -> loop(rampUp), "vigil-alarm");
    t.setDaemon(true);
    alarmThread.set(t);
    t.start();
  }

  private void loop(Duration rampUp) {
    Output out = open();
    if (out == null) {
      while (!stopRequested) sleep(100); // stays "sounding" so the ladder's state is honest about intent
      return;
    }
    byte[] buf = new byte[BUFFER_FRAMES * 2];
    long frame = 0;
    try {
      while (!stopRequested) {
        Tones.alarm(buf, frame, BUFFER_FRAMES, rampUp);
        out.write(buf, buf.length);
        frame += BUFFER_FRAMES;
        framesPlayed = frame;
      }
    } finally {
      out.abort();
    }
  }

  @Override
  public void stop() {
    stopRequested = true;
  }

  @Override
  public boolean isSounding() {
    Thread t = alarmThread.get();
    return t != null && t.isAlive() && !stopRequested;
  }

  /** True once the alarm thread has finished writing and released the device. */
  boolean isSilent() {
    Thread t = alarmThread.get();
    return t == null || !t.isAlive();
  }

  long framesPlayed() {
    return framesPlayed;
  }

  private Output open() {
    try {
      return outputs.get();
    } catch (IllegalStateException e) {
      if (!reportedMissing) LOG.warn("No sound: {}", e.getMessage());
      reportedMissing = true;
      return null;
    }
  }

  private static Output openLine() {
    try {
      SourceDataLine line = AudioSystem.getSourceDataLine(Tones.FORMAT);
      line.open(Tones.FORMAT, (int) (Tones.RATE / 5) * 2);
      line.start();
      return new Output() {
        @Override
        public void write(byte[] pcm, int length) {
          line.write(pcm, 0, length);
        }

        @Override
        public void finish() {
          line.drain();
          line.close();
        }

        @Override
        public void abort() {
          line.stop();
          line.flush();
          line.close();
        }
      };
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      throw new IllegalStateException("no audio output line (" + e.getMessage() + ")");
    }
  }

  private static void joinQuietly(Thread t) {
    try {
      t.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
