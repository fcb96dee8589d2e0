package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real audio: the alarm played into a PulseAudio null sink and recorded from its monitor. Skipped without a
 * running PulseAudio (CI: apt-get install pulseaudio pulseaudio-utils libasound2-plugins; pulseaudio --start).
 */
@Tag("sound")
class PulseAudioSoundTest {
  @Test
  void theAlarmRecordedFromANullSinkRisesAndFallsSilentWithinASecondOfStop() throws Exception {
    assumeTrue(AudioCheck.run(List.of("pactl", "info")).isPresent(), "PulseAudio is not running");
    Optional<String> module = AudioCheck.run(List.of("pactl", "load-module", "module-null-sink", "sink_name=vigiltest"));
    assumeTrue(module.isPresent(), "cannot load a null sink");
    String previous = AudioCheck.run(List.of("pactl", "get-default-sink")).orElse("").trim();
    Process rec = null;
    try {
      AudioCheck.run(List.of("pactl", "set-default-sink", "vigiltest"));
      assumeTrue(SoundPlayer.problem().isEmpty(), "Java cannot open an audio line (libasound2-plugins missing?)");
      rec = new ProcessBuilder("parecord", "--device=vigiltest.monitor", "--raw", "--format=s16le", "--rate=8000",
          "--channels=1", "--latency-msec=20").start();
      InputStream in = rec.getInputStream();
      ByteArrayOutputStream pcm = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> {
        try {
          in.transferTo(pcm);
        } catch (Exception e) {
          // recorder ended
        }
      });
      reader.start();
      SoundPlayer player = new SoundPlayer();
      Thread.sleep(300);
      int startMark = pcm.size();
      player.start(Duration.ofSeconds(4));
      Thread.sleep(5000);
      int stopMark = pcm.size();
      player.stop();
      Thread.sleep(1000);
      int afterStop = pcm.size();
      Thread.sleep(1000);
      rec.destroy();
      rec.waitFor(2, TimeUnit.SECONDS);
      reader.join(2000);
      byte[] all = pcm.toByteArray();
      int second = 8000 * 2;
      double early = Tones.rms(all, startMark, Math.min(startMark + second, all.length));
      double late = Tones.rms(all, Math.max(startMark, stopMark - second), stopMark);
      double silence = Tones.rms(all, afterStop, all.length);
      assertThat(early).as("the alarm is heard").isGreaterThan(0.02);
      assertThat(late).as("and it grows louder").isGreaterThan(early * 1.5);
      assertThat(silence).as("silent within a second of stop").isLessThan(0.005);
    } finally {
      if (rec != null) rec.destroyForcibly();
      if (!previous.isEmpty()) AudioCheck.run(List.of("pactl", "set-default-sink", previous));
      AudioCheck.run(List.of("pactl", "unload-module", module.get().trim()));
    }
  }
}
