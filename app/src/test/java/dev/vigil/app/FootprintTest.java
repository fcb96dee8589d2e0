package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FootprintTest {
  @Test
  void leavesAJvmWithTheLaunchersFlagsAlone() throws IOException {
    List<String> launcher = List.of(Files.readString(Path.of("..", "installer", "jvm.options")).trim().split("\\s+"));
    assertThat(Footprint.launcherFlags(launcher)).isTrue();
  }

  @Test
  void settlesAJvmStartedWithDefaultsOrOtherFlags() {
    assertThat(Footprint.launcherFlags(List.of())).isFalse();
    assertThat(Footprint.launcherFlags(List.of("-Xmx512m", "-XX:+UseG1GC"))).isFalse();
  }
}
