package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.os.DataDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil run} in this process: first run, logs where the OS keeps them, one instance per data folder. */
class RunCommandTest {
  @TempDir Path root;
  final ExecutorService background = Executors.newCachedThreadPool();
  RunCommand first;
  Future<Integer> firstExit;

  @AfterEach
  void stop() throws Exception {
    if (first != null) {
      first.lifetime.stop();
      assertThat(firstExit.get(20, TimeUnit.SECONDS)).isZero();
    }
    background.shutdownNow();
  }

  Cli startFirst(DataDirs dirs, String... args) {
    first = new RunCommand();
    Cli cli = new Cli(dirs, first);
    firstExit = background.submit(() -> cli.execute(args));
    await().atMost(Duration.ofSeconds(20)).until(() -> cli.out.toString().contains("Vigil is watching") || firstExit.isDone());
    assertThat(firstExit.isDone()).as("run ended early: %s", cli.err).isFalse();
    return cli;
  }

  Path rulesOnADeadPort() throws Exception {
    Path rules = Files.createDirectories(root.resolve("given-rules"));
    Files.writeString(rules.resolve("vigil.yaml"), """
        monitors:
          - id: nowhere
            url: http://127.0.0.1:9/health
            interval: 1h
        """);
    return rules;
  }

  @Test
  void theFirstRunCreatesTheUsersRulesAndSaysSo() throws Exception {
    DataDirs dirs = Cli.linuxUnder(root);

    Cli cli = startFirst(dirs, "run", "--headless");

    assertThat(dirs.rules().resolve("vigil.yaml")).isRegularFile();
    assertThat(cli.out.toString())
        .startsWith("Welcome to Vigil. It created " + dirs.rules() + " with vigil.yaml, policy.yaml and examples/")
        .contains("Vigil is watching 1 monitors, 0 heartbeats, 0 sources from " + dirs.rules());
  }

  @Test
  void runLogsToTheOsLogFolder() throws Exception {
    DataDirs dirs = Cli.linuxUnder(root);

    startFirst(dirs, "run", "--headless", "--rules", rulesOnADeadPort().toString());

    Path log = root.resolve("state/vigil/logs/vigil.log");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log) && Files.readString(log).contains("watching from"));
    assertThat(Files.readString(log)).contains("INFO  [").contains("RunCommand - watching from " + root.resolve("given-rules"));
  }

  @Test
  void givenRulesLeaveTheUsersFolderAlone() throws Exception {
    DataDirs dirs = Cli.linuxUnder(root);

    Cli cli = startFirst(dirs, "run", "--headless", "--rules", rulesOnADeadPort().toString());

    assertThat(dirs.rules()).doesNotExist();
    assertThat(cli.out.toString()).doesNotContain("Welcome");
  }

  @Test
  void aSecondLaunchOnTheSameDataFolderShowsTheFirstAndExitsZero() throws Exception {
    DataDirs dirs = Cli.linuxUnder(root);
    String rules = rulesOnADeadPort().toString();
    startFirst(dirs, "run", "--headless", "--rules", rules);
    AtomicInteger shown = new AtomicInteger();
    first.onShow = shown::incrementAndGet;

    Cli second = new Cli(dirs);
    int exit = second.execute("run", "--headless", "--rules", rules);

    assertThat(exit).isZero();
    assertThat(second.out.toString()).isEqualTo("Vigil is already running; showing it" + System.lineSeparator());
    assertThat(shown.get()).isEqualTo(1);
    assertThat(firstExit.isDone()).isFalse();
  }

  @Test
  void theSocketIsForItsOwnerOnlyAndGoneAfterExit() throws Exception {
    DataDirs dirs = Cli.linuxUnder(root);
    startFirst(dirs, "run", "--headless", "--rules", rulesOnADeadPort().toString());
    Path socket = dirs.data().resolve("vigil.sock");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");

    first.lifetime.stop();
    assertThat(firstExit.get(20, TimeUnit.SECONDS)).isZero();
    first = null;
    assertThat(socket).doesNotExist();
  }

  @Test
  void aStaleSocketFileFromACrashIsReplaced() throws Exception {
    DataDirs dirs = Cli.linuxUnder(root);
    Files.createDirectories(dirs.data());
    Files.writeString(dirs.data().resolve("vigil.sock"), "left by a crash");
    String rules = rulesOnADeadPort().toString();
    startFirst(dirs, "run", "--headless", "--rules", rules);
    AtomicInteger shown = new AtomicInteger();
    first.onShow = shown::incrementAndGet;

    assertThat(new Cli(dirs).execute("run", "--headless", "--rules", rules)).isZero();
    assertThat(shown.get()).isEqualTo(1);
  }

  @Test
  void aSecondLaunchThatCannotReachTheFirstSaysItIsRunningAndFails() throws Exception {
    DataDirs dirs = Cli.linuxUnder(root);
    Files.createDirectories(dirs.data());
    try (var held = InstanceLockHolder.hold(dirs.data())) {
      Cli second = new Cli(dirs);

      assertThat(second.execute("run", "--headless", "--rules", rulesOnADeadPort().toString())).isEqualTo(1);
      assertThat(second.err.toString())
          .isEqualTo("vigil run: Vigil is already running on " + dirs.data() + System.lineSeparator());
    }
  }
}
