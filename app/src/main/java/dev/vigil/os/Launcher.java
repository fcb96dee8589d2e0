package dev.vigil.os;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that starts this Vigil: the installed launcher when there is one, else {@code java -jar vigil.jar}. */
public final class Launcher {
  private Launcher() {}

  /**
   * The command line that starts this program again with {@code args}.
   *
   * @param appPath the {@code jpackage.app-path} system property (the installed launcher), or null
   * @param javaHome the {@code java.home} system property
   * @param codeSource where this code was loaded from: the jar, or a classes folder in a build tree
   * @param classPath the {@code java.class.path} system property, used when not running from a jar
   */
  static List<String> command(String appPath, String javaHome, Path codeSource, String classPath, List<String> args) {
    List<String> command = new ArrayList<>();
    if (appPath != null && !appPath.isBlank()) {
      command.add(Path.of(appPath).toAbsolutePath().toString());
    } else {
      command.add(Path.of(javaHome, "bin", "java").toString());
      if (codeSource != null && codeSource.toString().endsWith(".jar")) {
        command.add("-jar");
        command.add(codeSource.toAbsolutePath().toString());
      } else {
        command.add("-cp");
        command.add(classPath);
        command.add("dev.vigil.Main");
      }
    }
    command.addAll(args);
    return List.copyOf(command);
  }

  /** The command that starts this program with {@code args}, e.g. {@code [/opt/vigil/bin/vigil, run]}. */
  public static List<String> current(List<String> args) {
    return command(
        System.getProperty("jpackage.app-path"),
        System.getProperty("java.home"),
        codeSource(),
        System.getProperty("java.class.path"),
        args);
  }

  private static Path codeSource() {
    try {
      var source = Launcher.class.getProtectionDomain().getCodeSource();
      if (source == null) return null;
      Path path = Path.of(source.getLocation().toURI());
      return Files.exists(path) ? path : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
