package dev.vigil.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ui.FakeContext;
import dev.vigil.ui.FakeStore;
import dev.vigil.ui.Io;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
  @TempDir Path rules;

  @Test
  void savingWritesPolicyYamlAndKeepsItsComments() throws Exception {
    Files.writeString(rules.resolve("policy.yaml"), "# mine\ntimezone: UTC # home\novernight: \"22:00-08:00\"\n");
    FakeContext ctx = new FakeContext(new FakeStore(), rules);
    SettingsViewModel vm = new SettingsViewModel(ctx, Io.direct());
    vm.load();
    assertThat(vm.timezone().get()).isEqualTo("UTC");
    vm.timezone().set("Europe/Berlin");
    vm.quietHours().set("23:00-07:00");
    vm.autostart().set(true);
    vm.save();
    assertThat(Files.readString(rules.resolve("policy.yaml")))
        .isEqualTo("# mine\ntimezone: Europe/Berlin # home\novernight: \"22:00-08:00\"\nquiet: \"23:00-07:00\"\n");
    assertThat(ctx.calls).contains("autostart true");
    assertThat(vm.message().get()).isEqualTo("Saved to policy.yaml");
  }

  @Test
  void aWeeklyQuietBlockTheFormCannotShowIsLeftAsWritten() throws Exception {
    String policy = "timezone: UTC\nquiet:\n  sat: \"00:00-10:00\"  # lie-in\n  sun: \"00:00-10:00\"\n";
    Files.writeString(rules.resolve("policy.yaml"), policy);
    SettingsViewModel vm = new SettingsViewModel(new FakeContext(new FakeStore(), rules), Io.direct());
    vm.load();
    vm.overnight().set("23:00-07:00");
    vm.save();
    assertThat(Files.readString(rules.resolve("policy.yaml"))).isEqualTo(policy + "overnight: \"23:00-07:00\"\n");
  }

  @Test
  void aBadWindowIsRefusedWithTheExpectedShape() {
    SettingsViewModel vm = new SettingsViewModel(new FakeContext(new FakeStore(), rules), Io.direct());
    vm.timezone().set("UTC");
    vm.overnight().set("10pm-8am");
    vm.save();
    assertThat(vm.message().get()).isEqualTo("Overnight must look like 22:00-08:00");
    assertThat(rules.resolve("policy.yaml")).doesNotExist();
  }

  @Test
  void anUnknownZoneIsNamed() {
    SettingsViewModel vm = new SettingsViewModel(new FakeContext(new FakeStore(), rules), Io.direct());
    vm.timezone().set("Mars/Olympus");
    vm.save();
    assertThat(vm.message().get()).isEqualTo("Time zone \"Mars/Olympus\" is not known; use a name like Europe/Berlin");
  }

  @Test
  void theSoundTestCallsTheEngine() {
    FakeContext ctx = new FakeContext(new FakeStore(), rules);
    new SettingsViewModel(ctx, Io.direct()).testSound();
    assertThat(ctx.calls).containsExactly("testSound");
  }
}
