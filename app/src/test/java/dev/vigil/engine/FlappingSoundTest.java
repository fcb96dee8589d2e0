package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.notify.SoundPlayer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's scene with real sound: the alarm plays into a PulseAudio null sink and is recorded from its monitor, as
 * {@code PulseAudioSoundTest} does. The virtual night runs at 0.15 s of real time per virtual second, so a re-fire
 * 8 virtual seconds after a resolve would be a 1.2 s silence, three times the alarm's own 0.4 s pause. Skipped without
 * a running PulseAudio.
 */
@Tag("sound")
class FlappingSoundTest {
  static final int RATE = 8000;
  /** The longest silence inside one alarm: its own pause is 0.4 s. */
  static final double LONGEST_PAUSE_SECONDS = 0.6;
  @TempDir Path data;
  String module;
  String previousSink;
  Process recorder;
  final ByteArrayOutputStream pcm = new ByteArrayOutputStream();

  @BeforeEach
  void sink() throws Exception {
    assumeTrue(run("pactl", "info") != null, "PulseAudio is not running");
    module = run("pactl", "load-module", "module-null-sink", "sink_name=vigilflap");
    assumeTrue(module != null, "cannot load a null sink");
    previousSink = run("pactl", "get-default-sink");
    run("pactl", "set-default-sink", "vigilflap");
    assumeTrue(SoundPlayer.problem().isEmpty(), "Java cannot open an audio line");
    recorder = new ProcessBuilder("parecord", "--device=vigilflap.monitor", "--raw", "--format=s16le", "--rate=" + RATE,
        "--channels=1", "--latency-msec=20").start();
    InputStream in = recorder.getInputStream();
    Thread reader = new Thread(() -> {
      try {
        in.transferTo(pcm);
      } catch (IOException e) {
        // the recorder ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    Thread.sleep(300);
  }

  @AfterEach
  void unload() throws Exception {
    if (recorder != null) {
      recorder.destroy();
      recorder.waitFor(2, TimeUnit.SECONDS);
      recorder.destroyForcibly();
    }
    if (previousSink != null && !previousSink.isBlank()) run("pactl", "set-default-sink", previousSink.trim());
    if (module != null) run("pactl", "unload-module", module.trim());
  }

  @Test
  void unacknowledgedTheRecordingHoldsOneAlarmWithNoGapThenSilence() throws Exception {
    SoundPlayer player = new SoundPlayer();
    int[] startedAt = {-1};
    int[] stoppedAt = {-1};
    try (FlappingScene scene = new FlappingScene(data, player)) {
      scene.pace = Duration.ofMillis(300); // a 2 s check step in 0.3 s
      scene.runFor(Duration.ofSeconds(180), () -> {
        if (startedAt[0] < 0 && scene.alarm.starts == 1) startedAt[0] = pcm.size();
        if (stoppedAt[0] < 0 && scene.alarm.stops == 1) stoppedAt[0] = pcm.size();
      });
      Thread.sleep(1500);
      assertThat(scene.alarm.starts).isEqualTo(1);
      assertThat(scene.alarm.stops).isEqualTo(1);
    }
    byte[] all = pcm.toByteArray();
    assertThat(stoppedAt[0] - startedAt[0]).as("the alarm sounded through the flapping (bytes recorded)")
        .isGreaterThan(2 * RATE * 20);
    double longestSilence = longestSilence(all, startedAt[0] + RATE, stoppedAt[0]); // from its first second
    assertThat(longestSilence).as("no restart: the longest silence within the alarm, in seconds").isLessThan(LONGEST_PAUSE_SECONDS);
    assertThat(rms(all, stoppedAt[0] + 2 * RATE, all.length)).as("silent after it settled").isLessThan(0.005);
  }

  @Test
  void acknowledgedAsTheFirstAlertResolvesTheRecordingHoldsOneShortAlarmAndThenSilence() throws Exception {
    SoundPlayer player = new SoundPlayer();
    int[] ackedAt = {-1};
    try (FlappingScene scene = new FlappingScene(data, player)) {
      scene.pace = Duration.ofMillis(300);
      boolean[] acked = {false};
      Runnable ack = scene.acknowledgeAtFirstResolve(acked);
      scene.runFor(Duration.ofSeconds(60), () -> {
        ack.run();
        if (acked[0] && ackedAt[0] < 0) ackedAt[0] = pcm.size();
      });
      Thread.sleep(500);
      assertThat(scene.alarm.starts).as("woken once").isEqualTo(1);
    }
    byte[] all = pcm.toByteArray();
    // The recorder hands over what it captured with some latency (more on a loaded machine): the alarm heard before the
    // acknowledgement may land in the recording up to a second after the moment the acknowledgement was given.
    assertThat(rms(all, 0, Math.min(all.length, ackedAt[0] + 2 * RATE))).as("the alarm was heard before the acknowledgement")
        .isGreaterThan(0.02);
    assertThat(rms(all, ackedAt[0] + 2 * RATE, all.length)).as("then nothing, through six more re-fires").isLessThan(0.005);
  }

  /** The longest run of 50 ms windows under the silence threshold in [from, to), in seconds (16-bit mono). */
  static double longestSilence(byte[] pcm, int from, int to) {
    int window = RATE / 20 * 2;
    int run = 0;
    int longest = 0;
    for (int i = from - from % 2; i + window <= to; i += window) {
      if (rms(pcm, i, i + window) < 0.005) longest = Math.max(longest, ++run);
      else run = 0;
    }
    return longest / 20.0;
  }

  static double rms(byte[] pcm, int from, int to) {
    double sum = 0;
    int n = 0;
    for (int i = from - from % 2; i + 1 < to && i + 1 < pcm.length; i += 2) {
      double v = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8)) / 32768.0;
      sum += v * v;
      n++;
    }
    return n == 0 ? 0 : Math.sqrt(sum / n);
  }

  private static String run(String... command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    }
  }
}
