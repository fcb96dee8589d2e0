package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SoundTest {
  @Test
  void theAlarmStartsAtFortyPercentAndReachesFullVolumeAfterTheRamp() {
    Duration ramp = Duration.ofMinutes(2);
    assertThat(Tones.gainAt(Duration.ZERO, ramp)).isEqualTo(0.4);
    assertThat(Tones.gainAt(Duration.ofMinutes(1), ramp)).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Tones.gainAt(Duration.ofMinutes(2), ramp)).isEqualTo(1.0);
    assertThat(Tones.gainAt(Duration.ofMinutes(10), ramp)).isEqualTo(1.0);
  }

  @Test
  void theGeneratedAlarmGetsLouderCycleByCycle() {
    Duration ramp = Duration.ofSeconds(10);
    double[] level = new double[10];
    byte[] cycle = new byte[Tones.CYCLE_FRAMES * 2];
    for (int s = 0; s < 10; s++) {
      Tones.alarm(cycle, (long) s * Tones.CYCLE_FRAMES, Tones.CYCLE_FRAMES, ramp);
      level[s] = Tones.rms(cycle, 0, cycle.length);
    }
    for (int s = 1; s < 10; s++) assertThat(level[s]).isGreaterThan(level[s - 1]);
    assertThat(level[9] / level[0]).isBetween(2.2, 2.5);
  }

  @Test
  void stopSilencesTheAlarmWithinOneSecondWhileItWritesInRealTime() {
    AtomicLong written = new AtomicLong();
    SoundPlayer player = new SoundPlayer(() -> new SoundPlayer.Output() {
      @Override
      public void write(byte[] pcm, int length) {
        written.addAndGet(length);
        try {
          Thread.sleep(length / 2 * 1000L / (long) Tones.RATE); // a device plays in real time
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void finish() {}

      @Override
      public void abort() {}
    });
    player.start(Duration.ofMinutes(2));
    await().atMost(Duration.ofSeconds(2)).until(() -> written.get() > 0);
    assertThat(player.isSounding()).isTrue();
    player.stop();
    assertThat(player.isSounding()).isFalse();
    await().atMost(Duration.ofSeconds(1)).until(player::isSilent);
  }

  @Test
  void withoutAnAudioDeviceTheAlarmStaysSilentAndCanStillBeStopped() {
    SoundPlayer player = new SoundPlayer(() -> {
      throw new IllegalStateException("no audio output line (test)");
    });
    player.start(Duration.ofMinutes(2));
    player.chime();
    player.stop();
    await().atMost(Duration.ofSeconds(1)).until(player::isSilent);
  }
}
