package dev.vigil.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutostartTest {
  @TempDir Path home;
  static final List<String> INSTALLED = List.of("/opt/vigil/bin/vigil", "run");

  @Test
  void linuxWritesAnXdgAutostartEntryThatStartsTheInstalledLauncher() throws Exception {
    Autostart autostart = Autostart.forOs("Linux", Map.of("XDG_CONFIG_HOME", home.resolve("cfg").toString()), home, INSTALLED);

    autostart.enable();

    Path entry = home.resolve("cfg/autostart/vigil.desktop");
    assertThat(autostart.where()).isEqualTo(entry.toString());
    assertThat(Files.readString(entry)).isEqualTo("""
        [Desktop Entry]
        Type=Application
        Name=Vigil
        Comment=On-call night watch: starts to the tray at login
        Exec=/opt/vigil/bin/vigil run
        Icon=vigil
        Terminal=false
        Categories=System;Monitor;
        X-GNOME-Autostart-enabled=true
        X-GNOME-Autostart-Delay=5
        """);
  }

  @Test
  void linuxWithoutXdgConfigHomeUsesDotConfig() {
    assertThat(Autostart.forOs("Linux", Map.of(), home, INSTALLED).where())
        .isEqualTo(home.resolve(".config/autostart/vigil.desktop").toString());
  }

  @Test
  void theLinuxEntryIsWrittenAndRemoved() throws Exception {
    Autostart autostart = Autostart.forOs("Linux", Map.of("XDG_CONFIG_HOME", home.toString()), home, INSTALLED);
    assertThat(autostart.enabled()).isFalse();

    autostart.enable();
    assertThat(autostart.enabled()).isTrue();
    autostart.enable();
    assertThat(autostart.enabled()).isTrue();

    autostart.disable();
    assertThat(autostart.enabled()).isFalse();
    assertThat(home.resolve("autostart/vigil.desktop")).doesNotExist();
    try (var left = Files.list(home.resolve("autostart"))) {
      assertThat(left).isEmpty();
    }
    autostart.disable();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                                          | arguments                              | exec
      plain arguments stay plain                          | /opt/vigil/bin/vigil,run               | /opt/vigil/bin/vigil run
      a path with a space is quoted                       | /home/ana/My Apps/vigil.jar,run        | "/home/ana/My Apps/vigil.jar" run
      a percent sign is doubled, field codes are not made | /tmp/100%/vigil,run                    | /tmp/100%%/vigil run
      a dollar sign in quotes is escaped twice            | /tmp/$HOME x/vigil,run                 | "/tmp/\\\\$HOME x/vigil" run
      a backslash in quotes becomes four                  | C:\\Vigil x\\vigil.exe,run             | "C:\\\\\\\\Vigil x\\\\\\\\vigil.exe" run
      """)
  void theExecLineQuotesAsTheDesktopEntrySpecSays(String intent, String arguments, String exec) {
    assertThat(XdgAutostart.exec(List.of(arguments.split(",")))).isEqualTo(exec);
  }

  @Test
  void macOsWritesALaunchAgentThatRunsAtLoad() throws Exception {
    Autostart autostart = Autostart.forOs("Mac OS X", Map.of(), home,
        List.of("/Applications/Vigil.app/Contents/MacOS/Vigil", "run", "--data", "/Users/ana/A&B"));

    autostart.enable();

    Path plist = home.resolve("Library/LaunchAgents/dev.vigil.plist");
    assertThat(autostart.where()).isEqualTo(plist.toString());
    assertThat(Files.readString(plist)).isEqualTo("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
          <key>Label</key>
          <string>dev.vigil</string>
          <key>ProgramArguments</key>
          <array>
            <string>/Applications/Vigil.app/Contents/MacOS/Vigil</string>
            <string>run</string>
            <string>--data</string>
            <string>/Users/ana/A&amp;B</string>
          </array>
          <key>RunAtLoad</key>
          <true/>
          <key>KeepAlive</key>
          <false/>
          <key>ProcessType</key>
          <string>Interactive</string>
        </dict>
        </plist>
        """);
    autostart.disable();
    assertThat(plist).doesNotExist();
  }

  @Test
  void windowsSetsAndDeletesTheRunKeyWithReg() throws Exception {
    List<List<String>> ran = new ArrayList<>();
    boolean[] present = {false};
    Processes reg = command -> {
      ran.add(command);
      if (command.get(1).equals("add")) present[0] = true;
      if (command.get(1).equals("delete")) present[0] = false;
      return new Processes.Result(command.get(1).equals("query") && !present[0] ? 1 : 0, "");
    };
    WindowsRunKey key = new WindowsRunKey(List.of("C:\\Program Files\\Vigil\\Vigil.exe", "run"), reg);

    key.enable();
    assertThat(key.enabled()).isTrue();
    key.disable();
    assertThat(key.enabled()).isFalse();

    String run = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
    assertThat(ran).containsExactly(
        List.of("reg", "add", run, "/v", "Vigil", "/t", "REG_SZ", "/d", "\"C:\\Program Files\\Vigil\\Vigil.exe\" run", "/f"),
        List.of("reg", "query", run, "/v", "Vigil"),
        List.of("reg", "query", run, "/v", "Vigil"),
        List.of("reg", "delete", run, "/v", "Vigil", "/f"),
        List.of("reg", "query", run, "/v", "Vigil"));
    assertThat(key.where()).isEqualTo(run + "\\Vigil");
  }

  @Test
  void theInstalledLauncherIsPreferredOverJavaDashJar() {
    assertThat(Launcher.command("/opt/vigil/bin/vigil", "/usr/lib/jvm/17", Path.of("/opt/vigil/lib/app/vigil.jar"), "x", List.of("run")))
        .containsExactly("/opt/vigil/bin/vigil", "run");
  }

  @Test
  void withoutAnInstalledLauncherTheJarRunsOnThisJava() {
    assertThat(Launcher.command(null, "/usr/lib/jvm/17", Path.of("/home/ana/vigil/app/target/vigil.jar"), "x", List.of("run")))
        .containsExactly("/usr/lib/jvm/17/bin/java", "-jar", "/home/ana/vigil/app/target/vigil.jar", "run");
  }

  @Test
  void fromABuildTreeTheClassPathRunsMain() {
    assertThat(Launcher.command(null, "/usr/lib/jvm/17", Path.of("/src/app/target/classes"), "/a.jar:/b.jar", List.of("run")))
        .containsExactly("/usr/lib/jvm/17/bin/java", "-cp", "/a.jar:/b.jar", "dev.vigil.Main", "run");
  }
}
