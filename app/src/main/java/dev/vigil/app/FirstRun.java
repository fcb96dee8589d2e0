package dev.vigil.app;

import dev.vigil.os.DataDirs;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * With no rules folder yet, Vigil copies the rules it ships with (the {@code alert-rules/} folder of the source
 * tree, packed into the jar as {@code vigil/default-rules/}) into the user's rules folder, sets the policy's time
 * zone to the user's own, and says what it created and what to edit.
 */
public final class FirstRun {
  private static final String SHIPPED = "vigil/default-rules";

  private final Path rulesDir;
  private final String shownDir;
  private final List<String> files;
  private final ZoneId zone;

  private FirstRun(Path rulesDir, String shownDir, List<String> files, ZoneId zone) {
    this.rulesDir = rulesDir;
    this.shownDir = shownDir;
    this.files = List.copyOf(files);
    this.zone = zone;
  }

  /**
   * Creates {@code dirs.rules()} from the shipped rules when it does not exist yet.
   *
   * @return what was created, or empty when the user already has a rules folder
   */
  public static Optional<FirstRun> prepare(DataDirs dirs, ZoneId zone) throws IOException {
    Path target = dirs.rules();
    if (Files.exists(target)) return Optional.empty();
    Files.createDirectories(target.getParent());
    // Copy into a sibling first and move it in place, so a crash half way leaves no half folder behind.
    Path staging = Files.createTempDirectory(target.getParent(), ".rules-");
    List<String> copied;
    try {
      copied = withShippedRules(source -> copy(source, staging));
      setTimezone(staging.resolve("policy.yaml"), zone);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
    return Optional.of(new FirstRun(target, shown(target, dirs.home()), copied, zone));
  }

  /** The folder that was created. */
  public Path rulesDir() {
    return rulesDir;
  }

  /** The files created, relative to {@link #rulesDir()}, with {@code /} as separator, sorted. */
  public List<String> files() {
    return files;
  }

  /** What the user is told on the command line, in the log, and (later) in the desktop's welcome dialog. */
  public String welcomeMessage() {
    List<String> top = files.stream().filter(f -> !f.contains("/")).toList();
    List<String> examples =
        files.stream().filter(f -> f.startsWith("examples/")).map(f -> f.substring("examples/".length())).toList();
    StringBuilder created = new StringBuilder(String.join(", ", top));
    if (!examples.isEmpty()) created.append(" and examples/ (").append(String.join(", ", examples)).append(")");
    return "Welcome to Vigil. It created " + shownDir + " with " + created + ".\n"
        + "Edit vigil.yaml to watch your own services (copy monitors from examples/), check the time zone in"
        + " policy.yaml (set to " + zone.getId() + "), then run `vigil validate`.\n"
        + "Vigil reloads the folder while it runs. To see alerts on a simulated fleet first: `vigil demo`.";
  }

  private static List<String> copy(Path source, Path target) throws IOException {
    List<String> copied = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path from : walk.sorted().toList()) {
        String relative = source.relativize(from).toString().replace(from.getFileSystem().getSeparator(), "/");
        if (relative.isEmpty()) continue;
        Path to = target.resolve(relative);
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
          copied.add(relative);
        }
      }
    }
    copied.sort(Comparator.comparing((String f) -> f.contains("/")).thenComparing(FirstRun::shippedOrder));
    return copied;
  }

  /** vigil.yaml first, then policy.yaml, then the rest by name. */
  private static String shippedOrder(String file) {
    return switch (file) {
      case "vigil.yaml" -> "0";
      case "policy.yaml" -> "1";
      default -> "2" + file;
    };
  }

  private static void setTimezone(Path policy, ZoneId zone) throws IOException {
    if (!Files.exists(policy)) return;
    String text = Files.readString(policy, StandardCharsets.UTF_8);
    String updated = text.lines()
        .map(line -> line.startsWith("timezone:") ? "timezone: " + zone.getId() : line)
        .collect(Collectors.joining("\n", "", "\n"));
    Files.writeString(policy, updated, StandardCharsets.UTF_8);
  }

  private static String shown(Path dir, Path home) {
    if (home != null && dir.startsWith(home) && !dir.equals(home)) {
      return "~/" + home.relativize(dir).toString().replace('\\', '/');
    }
    return dir.toString();
  }

  private interface ShippedAction<T> {
    T apply(Path shippedRoot) throws IOException;
  }

  /** Runs the action on the shipped rules, whether they are a folder (a build tree) or inside the jar. */
  private static <T> T withShippedRules(ShippedAction<T> action) throws IOException {
    URL marker = FirstRun.class.getClassLoader().getResource(SHIPPED + "/vigil.yaml");
    if (marker == null) throw new IOException("the shipped rules (" + SHIPPED + ") are missing from the build");
    URI uri;
    try {
      uri = marker.toURI();
    } catch (URISyntaxException e) {
      throw new IOException("cannot read the shipped rules at " + marker, e);
    }
    if (!"jar".equals(uri.getScheme())) return action.apply(Path.of(uri).getParent());
    FileSystem jar;
    boolean opened = false;
    try {
      jar = FileSystems.newFileSystem(uri, Map.of());
      opened = true;
    } catch (FileSystemAlreadyExistsException e) {
      jar = FileSystems.getFileSystem(uri);
    }
    try {
      return action.apply(jar.getPath("/" + SHIPPED));
    } finally {
      if (opened) jar.close();
    }
  }

  private static void deleteTree(Path dir) {
    try {
      dev.vigil.os.FileTree.delete(dir);
    } catch (IOException ignored) {
      // best effort: a leftover hidden staging folder does no harm
    }
  }

}
