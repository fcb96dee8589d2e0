package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.os.DataDirs;
import dev.vigil.os.LinuxUser;
import dev.vigil.rules.RulesLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstRunTest {
  @TempDir Path root;
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void withNoRulesFolderTheShippedRulesAreCopiedIntoTheUsersConfigFolder() throws Exception {
    DataDirs dirs = LinuxUser.under(root);

    FirstRun first = FirstRun.prepare(dirs, PARIS).orElseThrow();

    Path rules = root.resolve("config/vigil/rules");
    assertThat(first.rulesDir()).isEqualTo(rules);
    assertThat(first.files()).containsExactly("vigil.yaml", "policy.yaml", "examples/messaging.yaml", "examples/payments.yaml",
        "examples/platform.yaml", "examples/policy.yaml");
    for (String f : first.files()) assertThat(rules.resolve(f)).isRegularFile();
    assertThat(Files.readString(rules.resolve("vigil.yaml")))
        .isEqualTo(Files.readString(Path.of("../alert-rules/vigil.yaml")));
    assertThat(RulesLoader.load(rules, Map.of()).problems()).isEmpty();
    try (var left = Files.list(rules.getParent())) {
      assertThat(left).containsExactly(rules);
    }
  }

  @Test
  void thePolicyIsSetToTheUsersTimeZone() throws Exception {
    FirstRun first = FirstRun.prepare(LinuxUser.under(root), PARIS).orElseThrow();

    assertThat(Files.readString(first.rulesDir().resolve("policy.yaml")))
        .contains("\ntimezone: Europe/Paris\n")
        .doesNotContain("timezone: Europe/Berlin");
    assertThat(RulesLoader.load(first.rulesDir(), Map.of()).rules().policy().zone()).isEqualTo(PARIS);
  }

  @Test
  void theWelcomeSaysWhatWasCreatedAndWhatToEdit() throws Exception {
    FirstRun first = FirstRun.prepare(LinuxUser.under(root), PARIS).orElseThrow();

    assertThat(first.welcomeMessage()).isEqualTo(
        "Welcome to Vigil. It created " + root.resolve("config/vigil/rules")
            + " with vigil.yaml, policy.yaml and examples/ (messaging.yaml, payments.yaml, platform.yaml, policy.yaml).\n"
            + "Edit vigil.yaml to watch your own services (copy monitors from examples/), check the time zone in"
            + " policy.yaml (set to Europe/Paris), then run `vigil validate`.\n"
            + "Vigil reloads the folder while it runs. To see alerts on a simulated fleet first: `vigil demo`.");
  }

  @Test
  void aFolderUnderHomeIsShownWithATilde() throws Exception {
    DataDirs dirs = new DataDirs(Map.of(), "Linux", root);

    FirstRun first = FirstRun.prepare(dirs, PARIS).orElseThrow();

    assertThat(first.welcomeMessage()).startsWith("Welcome to Vigil. It created ~/.config/vigil/rules with vigil.yaml,");
  }

  @Test
  void anExistingRulesFolderIsLeftAlone() throws Exception {
    DataDirs dirs = LinuxUser.under(root);
    Files.createDirectories(dirs.rules());
    Files.writeString(dirs.rules().resolve("mine.yaml"), "monitors: []\n");

    assertThat(FirstRun.prepare(dirs, PARIS)).isEmpty();
    try (var files = Files.list(dirs.rules())) {
      assertThat(files).containsExactly(dirs.rules().resolve("mine.yaml"));
    }
  }

  @Test
  void theSecondRunCreatesNothing() throws Exception {
    DataDirs dirs = LinuxUser.under(root);
    FirstRun.prepare(dirs, PARIS).orElseThrow();

    assertThat(FirstRun.prepare(dirs, PARIS)).isEmpty();
  }
}
