package dev.vigil.rules;

import dev.vigil.config.RuleProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Adds one monitor to a rules file, keeping every other byte of it (comments, layout, order). The folder is read
 * with the rules loader first, as it would be with the new monitor in it; any new problem refuses the change and
 * leaves the file as it was. Used by {@code vigil monitor add} and the desktop's "Add monitor" form.
 */
public final class MonitorFileEdit {
  private MonitorFileEdit() {}

  /**
   * What the change would do: the file's new text and the monitor as read, or the problems (FILE:LINE:COL: ...) it
   * would add, or a refusal before reading ({@code problems} holds one sentence, {@code usage} true for a wrong
   * FILE).
   */
  public record Outcome(String text, Monitor monitor, List<String> problems, boolean usage) {
    public Outcome {
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }

    static Outcome refused(boolean usage, String why) {
      return new Outcome(null, null, List.of(why), usage);
    }
  }

  /** The monitor's lines, unindented, starting with "- id: ..."; values are written as YAML scalars. */
  public static List<String> block(String id, Map<String, String> fields, List<String> expect, Map<String, String> labels) {
    List<String> lines = new ArrayList<>();
    lines.add("- id: " + Yaml.scalar(id));
    fields.forEach((k, v) -> lines.add("  " + k + ": " + (RAW.contains(k) && BARE.matcher(v.strip()).matches() ? v.strip() : Yaml.scalar(v))));
    if (!expect.isEmpty()) {
      lines.add("  expect:");
      for (String e : expect) lines.add("    - " + Yaml.scalar(e));
    }
    if (!labels.isEmpty()) {
      lines.add("  labels:");
      labels.forEach((k, v) -> lines.add("    " + Yaml.scalar(k) + ": " + Yaml.scalar(v)));
    }
    return lines;
  }

  /** Fields written bare when they are a whole number or a boolean (the reader wants those, not text). */
  private static final Set<String> RAW = Set.of("confirm", "recover", "verify");
  private static final java.util.regex.Pattern BARE = java.util.regex.Pattern.compile("\\d{1,9}|true|false");

  /** Checks adding the monitor {@code block} (with id {@code id}) to {@code file}, writing nothing. */
  public static Outcome check(Path file, String id, List<String> block, Map<String, String> env) throws IOException {
    Path path = file.toAbsolutePath().normalize();
    Path dir = path.getParent();
    String name = path.getFileName().toString();
    if (!name.endsWith(".yaml") && !name.endsWith(".yml")) return Outcome.refused(true, file + ": a rules file ends in .yaml or .yml");
    if (name.equals("policy.yaml") || name.equals("policy.yml")) return Outcome.refused(true, file + " holds the policy, not monitors");
    if (dir == null || !Files.isDirectory(dir)) return Outcome.refused(false, "no folder " + dir);
    String before = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
    String after;
    try {
      after = RulesFileEdit.addMonitor(before, block);
    } catch (IllegalArgumentException e) {
      return Outcome.refused(false, file + ": " + e.getMessage());
    }
    return withChange(dir, name, after, id, env);
  }

  /** Checks as {@link #check} does, then writes the file atomically when nothing new is wrong. */
  public static Outcome add(Path file, String id, List<String> block, Map<String, String> env) throws IOException {
    Outcome o = check(file, id, block, env);
    if (!o.ok()) return o;
    Path path = file.toAbsolutePath().normalize();
    String name = path.getFileName().toString();
    Path temp = Files.createTempFile(path.getParent(), "." + name, ".tmp");
    try {
      Files.writeString(temp, o.text(), StandardCharsets.UTF_8);
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return o;
  }

  /**
   * The folder read twice, once as it is and once with the new file in a copy: the problems the change adds, named as
   * in the real folder, and the new monitor as the loader reads it.
   */
  private static Outcome withChange(Path dir, String name, String after, String id, Map<String, String> env) throws IOException {
    Set<String> now = RulesLoader.load(dir, env).problems().stream().map(RuleProblem::format).collect(Collectors.toSet());
    Path copy = Files.createTempDirectory("vigil-monitor-add");
    try {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String n = f.getFileName().toString();
          if ((n.endsWith(".yaml") || n.endsWith(".yml")) && !n.equals(name)) Files.copy(f, copy.resolve(n));
        }
      }
      Files.writeString(copy.resolve(name), after, StandardCharsets.UTF_8);
      RulesLoader.LoadResult read = RulesLoader.load(copy, env);
      List<String> added = new ArrayList<>();
      for (RuleProblem p : read.problems()) {
        String shown = new RuleProblem(dir.resolve(copy.relativize(p.file())), p.line(), p.column(), p.message()).format();
        if (!now.contains(shown)) added.add(shown);
      }
      Optional<Monitor> monitor = read.rules().monitors().stream().filter(m -> m.id().equals(id)).findFirst();
      return new Outcome(after, added.isEmpty() ? monitor.orElse(null) : null, added, false);
    } finally {
      try (Stream<Path> files = Files.list(copy)) {
        for (Path f : files.toList()) Files.deleteIfExists(f);
      }
      Files.deleteIfExists(copy);
    }
  }
}
