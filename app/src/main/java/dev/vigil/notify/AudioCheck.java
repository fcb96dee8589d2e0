package dev.vigil.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Can Vigil be heard? Asks PulseAudio/PipeWire through {@code pactl} when it is installed (a muted or missing
 * default sink), then whether Java can open an output line at all.
 */
public final class AudioCheck {
  private AudioCheck() {}

  /** What stands between the alarm and the person's ears, or empty when nothing is known to. */
  public static Optional<String> problem() {
    Optional<String> pulse = pulseProblem();
    if (pulse.isPresent()) return pulse;
    return SoundPlayer.problem();
  }

  static Optional<String> pulseProblem() {
    Optional<String> sinks = run(List.of("pactl", "list", "short", "sinks"));
    if (sinks.isEmpty()) return Optional.empty(); // no pactl: cannot tell
    if (sinks.get().isBlank()) return Optional.of("no audio output device (pactl lists no sinks)");
    Optional<String> mute = run(List.of("pactl", "get-sink-mute", "@DEFAULT_SINK@"));
    if (mute.isPresent() && mute.get().toLowerCase().contains("yes")) return Optional.of("the default audio output is muted");
    Optional<String> volume = run(List.of("pactl", "get-sink-volume", "@DEFAULT_SINK@"));
    if (volume.isPresent() && volume.get().matches("(?s).*\\b0%.*") && !volume.get().matches("(?s).*\\b[1-9]\\d*%.*")) {
      return Optional.of("the default audio output volume is 0 %");
    }
    return Optional.empty();
  }

  /** The command's output, or empty when it cannot run or fails. */
  static Optional<String> run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
