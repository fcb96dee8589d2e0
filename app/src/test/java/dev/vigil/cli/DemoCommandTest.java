package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil demo --headless}: the real engine watching the simulated fleet, four times as fast. */
class DemoCommandTest {
  @TempDir Path root;

  @Test
  void theHeadlessDemoFiresAnAlertForEveryTroubledServiceAndNoneForTheHealthyOne() throws Exception {
    DemoCommand demo = new DemoCommand();
    Cli cli = new Cli(Cli.linuxUnder(root), demo);
    Path data = root.resolve("demo-data");
    ExecutorService background = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> exit = background.submit(() -> cli.execute("demo", "--headless", "--speed", "4", "--data", data.toString()));
      List<String> troubled = List.of("partner-sms", "search", "dev-api", "auth", "orders", "inventory");

      await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(
          () -> troubled.stream().allMatch(m -> fired(cli, m)) || exit.isDone());

      String out = cli.out.toString();
      assertThat(troubled).allMatch(m -> fired(cli, m), "fired, in:\n" + out + cli.err);
      assertThat(fired(cli, "checkout")).isFalse();
      assertThat(out)
          .contains("In another terminal: vigil alerts --data " + data)
          .contains(" -- Scene 1, a traffic spike: a push campaign floods checkout, and partner-sms slows down.")
          .containsPattern("\\d\\d:\\d\\d:\\d\\d FIRED     warning dev-api: (timeout: latency \\(\\d+ms\\) < 200ms|status: status \\((429|503)\\) == 200)");

      demo.lifetime.stop();
      assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    } finally {
      background.shutdownNow();
    }
  }

  @Test
  void aSpeedOfZeroIsRefused() {
    Cli cli = new Cli(Cli.linuxUnder(root));

    assertThat(cli.execute("demo", "--headless", "--speed", "0")).isEqualTo(2);
    assertThat(cli.err.toString()).isEqualTo("vigil demo: --speed must be more than 0 and at most 10, not 0.0" + System.lineSeparator());
  }

  private static boolean fired(Cli cli, String monitor) {
    return cli.out.toString().lines().anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d FIRED +\\w+ " + monitor + ":.*"));
  }
}
