package dev.vigil.engine;

import dev.vigil.rules.RuleProblem;
import dev.vigil.rules.RulesLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload: when a rules file changes (name, size or modification time), loads the folder again. A bad edit
 * keeps the last good rules running and says why, once per edit.
 */
public final class RulesWatcher {
  private static final Logger log = LoggerFactory.getLogger(RulesWatcher.class);
  private final Path dir;
  private final Map<String, String> env;
  private final Engine engine;
  private final Consumer<java.util.List<RuleProblem>> onRefused;
  private String lastSeen;

  public RulesWatcher(Path dir, Map<String, String> env, Engine engine, Consumer<java.util.List<RuleProblem>> onRefused) {
    this.dir = dir;
    this.env = env;
    this.engine = engine;
    this.onRefused = onRefused;
    this.lastSeen = signature();
  }

  /** Call periodically (every 2 s is plenty). */
  public void poll() {
    String now = signature();
    if (now.equals(lastSeen)) return;
    lastSeen = now;
    RulesLoader.LoadResult result = RulesLoader.load(dir, env);
    if (!result.ok()) {
      log.warn("rules in {} not reloaded; still running the last good rules:", dir);
      result.problems().forEach(p -> log.warn("  {}", p.format()));
      onRefused.accept(result.problems());
      return;
    }
    engine.reload(result.rules());
  }

  private String signature() {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .map(RulesWatcher::stamp)
          .collect(Collectors.joining("|"));
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  private static String stamp(Path p) {
    try {
      return p.getFileName() + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return p.getFileName() + ":gone";
    }
  }
}
