package dev.vigil.notify;

import java.time.Duration;
import javax.sound.sampled.AudioFormat;

/** The chime and the alarm, generated as 16-bit PCM in code (no files to ship, no AWT). */
final class Tones {
  static final float RATE = 44_100f;
  static final AudioFormat FORMAT = new AudioFormat(RATE, 16, 1, true, false);
  static final double START_GAIN = 0.4;
  /** Peak amplitude at full volume: loud, with headroom against clipping. */
  private static final double PEAK = 0.9 * Short.MAX_VALUE;
  /** One alarm cycle: 880 Hz 0.25 s, pause 0.1 s, 1175 Hz 0.25 s, pause 0.4 s. */
  static final int CYCLE_FRAMES = (int) RATE;

  private Tones() {}

  /** The volume the alarm has reached after {@code elapsed}: 40 % rising linearly to 100 % at {@code rampUp}. */
  static double gainAt(Duration elapsed, Duration rampUp) {
    if (rampUp.isZero() || rampUp.isNegative()) return 1.0;
    double f = Math.min(1.0, (double) elapsed.toNanos() / rampUp.toNanos());
    return START_GAIN + (1.0 - START_GAIN) * Math.max(0, f);
  }

  /** The alarm's sample at {@code frame} (counted from its start), before gain, in [-1, 1]. */
  static double alarmSample(long frame) {
    int i = (int) (frame % CYCLE_FRAMES);
    double t = i / (double) RATE;
    if (t < 0.25) return envelope(t, 0.25) * Math.sin(2 * Math.PI * 880 * t);
    if (t < 0.35) return 0;
    if (t < 0.60) return envelope(t - 0.35, 0.25) * Math.sin(2 * Math.PI * 1175 * (t - 0.35));
    return 0;
  }

  /** Fills {@code out} with {@code frames} frames of the alarm starting at {@code firstFrame}, scaled by gain. */
  static void alarm(byte[] out, long firstFrame, int frames, Duration rampUp) {
    for (int k = 0; k < frames; k++) {
      long frame = firstFrame + k;
      double gain = gainAt(Duration.ofNanos((long) (frame / (double) RATE * 1e9)), rampUp);
      put(out, k, alarmSample(frame) * gain);
    }
  }

  /** A soft two-note chime, about 0.6 s. */
  static byte[] chime() {
    int frames = (int) (RATE * 0.6);
    byte[] out = new byte[frames * 2];
    for (int k = 0; k < frames; k++) {
      double t = k / (double) RATE;
      double s = t < 0.25
          ? envelope(t, 0.25) * Math.sin(2 * Math.PI * 1318.5 * t)
          : envelope(t - 0.25, 0.35) * Math.sin(2 * Math.PI * 987.8 * (t - 0.25));
      put(out, k, 0.5 * s);
    }
    return out;
  }

  /** 5 ms fade in and out, so tones start and end without clicks. */
  private static double envelope(double t, double length) {
    double fade = 0.005;
    if (t < fade) return t / fade;
    if (t > length - fade) return Math.max(0, (length - t) / fade);
    return 1;
  }

  private static void put(byte[] out, int frame, double value) {
    int v = (int) Math.round(Math.max(-1, Math.min(1, value)) * PEAK);
    out[frame * 2] = (byte) v;
    out[frame * 2 + 1] = (byte) (v >> 8);
  }

  /** Root mean square of 16-bit little-endian mono samples, 0..1. */
  static double rms(byte[] pcm, int from, int to) {
    double sum = 0;
    int n = 0;
    for (int i = from; i + 1 < to; i += 2) {
      double s = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8)) / (double) Short.MAX_VALUE;
      sum += s * s;
      n++;
    }
    return n == 0 ? 0 : Math.sqrt(sum / n);
  }
}
