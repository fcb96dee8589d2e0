package dev.vigil.os;

import java.nio.file.Path;
import java.util.Map;

/** For tests: a Linux user whose XDG folders all live under one temporary folder. */
public final class LinuxUser {
  private LinuxUser() {}

  /** Config, data and state under {@code root/config}, {@code root/data}, {@code root/state}; home {@code root/home}. */
  public static DataDirs under(Path root) {
    return new DataDirs(
        Map.of(
            "XDG_CONFIG_HOME", root.resolve("config").toString(),
            "XDG_DATA_HOME", root.resolve("data").toString(),
            "XDG_STATE_HOME", root.resolve("state").toString()),
        "Linux",
        root.resolve("home"));
  }
}
