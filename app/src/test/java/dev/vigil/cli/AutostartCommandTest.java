package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.os.DataDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutostartCommandTest {
  @TempDir Path root;

  @Test
  void autostartOnWritesTheEntryAndOffRemovesIt() throws Exception {
    DataDirs dirs = Cli.linuxUnder(root);
    Path entry = root.resolve("config/autostart/vigil.desktop");

    Cli on = new Cli(dirs);
    assertThat(on.execute("autostart", "on")).isZero();
    assertThat(on.out.toString()).isEqualTo("Autostart on: Vigil starts to the tray at login (" + entry + ")" + System.lineSeparator());
    assertThat(Files.readString(entry)).containsPattern("(?m)^Exec=.*java.* run$");

    Cli status = new Cli(dirs);
    status.execute("autostart", "status");
    assertThat(status.out.toString()).isEqualTo("Autostart is on (" + entry + ")" + System.lineSeparator());

    Cli off = new Cli(dirs);
    assertThat(off.execute("autostart", "off")).isZero();
    assertThat(off.out.toString()).isEqualTo("Autostart off: removed " + entry + System.lineSeparator());
    assertThat(entry).doesNotExist();

    Cli again = new Cli(dirs);
    again.execute("autostart", "status");
    assertThat(again.out.toString()).isEqualTo("Autostart is off" + System.lineSeparator());
  }

  @Test
  void aGivenDataFolderIsPassedToTheStartedVigil() throws Exception {
    Cli on = new Cli(Cli.linuxUnder(root));

    on.execute("autostart", "on", "--data", root.resolve("d").toString());

    assertThat(Files.readString(root.resolve("config/autostart/vigil.desktop")))
        .containsPattern("(?m)^Exec=.* run --data " + root.resolve("d") + "$");
  }
}
