package dev.vigil.engine;

import dev.vigil.config.RuleProblem;
import dev.vigil.rules.RulesLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload: when a rules file changes (name, size or modification time), loads the folder again. A bad edit
 * keeps the last good rules running and says why, once per edit.
 *
 * <p>{@link #watch} has the operating system tell of changes in the folder (inotify on Linux, through the JDK's
 * {@link WatchService}), so an idle Vigil does not wake to look; {@link #poll} is still called now and then, for
 * folders where such events do not come (some network file systems, a folder replaced as a whole).
 */
public final class RulesWatcher implements AutoCloseable {
  /** After an event, waits this long for the editor's other writes (save = truncate + write + rename) before looking. */
  static final long SETTLE_MILLIS = 150;
  private static final Logger log = LoggerFactory.getLogger(RulesWatcher.class);
  private final Path dir;
  private final Map<String, String> env;
  private final Engine engine;
  private final Consumer<java.util.List<RuleProblem>> onRefused;
  private String lastSeen;
  private WatchService events;
  private WatchKey key;
  private Object watchedFolder;
  private ScheduledExecutorService looker;
  private final java.util.concurrent.atomic.AtomicBoolean lookQueued = new java.util.concurrent.atomic.AtomicBoolean();

  public RulesWatcher(Path dir, Map<String, String> env, Engine engine, Consumer<java.util.List<RuleProblem>> onRefused) {
    this.dir = dir;
    this.env = env;
    this.engine = engine;
    this.onRefused = onRefused;
    this.lastSeen = signature();
  }

  /**
   * Looks, on {@code looker}, {@value #SETTLE_MILLIS} ms after the folder's entries change; false (and nothing
   * started) when the file system cannot tell, so periodic {@link #poll}s must do. A folder deleted or replaced as a
   * whole (moved aside, a new one put in its place) sends no more events: the next {@link #poll} notices and watches
   * the folder now at that path.
   */
  public synchronized boolean watch(ScheduledExecutorService looker) {
    this.looker = looker;
    return register();
  }

  private synchronized boolean register() {
    close();
    try {
      WatchService service = dir.getFileSystem().newWatchService();
      events = service;
      key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
      watchedFolder = folderIdentity();
      Thread t = new Thread(() -> deliver(service), "vigil-rules-events");
      t.setDaemon(true);
      t.start();
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      log.info("no change events for {} ({}): looking every while instead", dir, e.toString());
      key = null;
      return false;
    }
  }

  private void deliver(WatchService service) {
    try {
      while (true) {
        WatchKey k = service.take();
        k.pollEvents();
        if (lookQueued.compareAndSet(false, true)) {
          looker.schedule(() -> {
            lookQueued.set(false);
            poll();
          }, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
        if (!k.reset()) return; // the folder is gone: the next poll watches the one now at its path
      }
    } catch (InterruptedException | ClosedWatchServiceException | java.util.concurrent.RejectedExecutionException e) {
      // closed
    }
  }

  /** The folder's identity (its inode on Linux), to notice one put in place of the folder being watched. */
  private Object folderIdentity() {
    try {
      return Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /** While events come, a look is only a safety net; when they stopped (folder replaced), watch again. */
  private synchronized void watchAgainIfReplaced() {
    if (looker == null) return; // never watched: polls only
    Object now = folderIdentity();
    if (now == null) return; // no folder at that path now; try at the next poll
    if (key != null && key.isValid() && now.equals(watchedFolder)) return;
    log.info("rules folder {} was replaced: watching the one now there", dir);
    register();
  }

  @Override
  public synchronized void close() {
    if (events == null) return;
    try {
      events.close();
    } catch (IOException e) {
      log.debug("closing the rules watch service", e);
    }
    events = null;
  }

  /** Looks at the folder and reloads it if a rules file changed. Safe to call from any thread, one at a time. */
  public void poll() {
    watchAgainIfReplaced();
    String now = signature();
    if (now.equals(lastSeen)) return;
    lastSeen = now;
    RulesLoader.LoadResult result = RulesLoader.load(dir, env);
    if (!result.ok()) {
      log.warn("rules in {} not reloaded; still running the last good rules and policy:", dir);
      result.problems().forEach(p -> log.warn("  {}", p.format()));
      engine.refuse(result.problems());
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
