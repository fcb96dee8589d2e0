package dev.vigil.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launch time counts from the process's start: never less than the JVM's own age, and not wildly more. */
class LaunchTimeTest {
  @Test
  void theProcessIsAtLeastAsOldAsItsJvm() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only: /proc/self/stat");
    long before = ManagementFactory.getRuntimeMXBean().getUptime();
    long age = LaunchTime.processAgeMillis().orElseThrow();
    long after = ManagementFactory.getRuntimeMXBean().getUptime();

    // 10 ms clock ticks on each side; the java launcher's own start before the JVM's is well under 10 s
    assertThat(age).isBetween(before - 20, after + 10_000);
  }
}
