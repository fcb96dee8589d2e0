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
    assertThat(vm.message().get()).isEqualTo("Not saved: policy.yaml:2:12: policy: field \"overnight\": \"10pm-8am\" is not a window"
        + " (use HH:MM-HH:MM, e.g. 22:00-08:00, or off)");
    assertThat(rules.resolve("policy.yaml")).doesNotExist();
  }

  @Test
  void anUnknownZoneIsNamed() {
    SettingsViewModel vm = new SettingsViewModel(new FakeContext(new FakeStore(), rules), Io.direct());
    vm.timezone().set("Mars/Olympus");
    vm.save();
    assertThat(vm.message().get()).isEqualTo("Not saved: policy.yaml:1:11: policy: field \"timezone\": \"Mars/Olympus\" is not a time zone"
        + " (e.g. Europe/Berlin, or system)");
    assertThat(rules.resolve("policy.yaml")).doesNotExist();
  }

  @Test
  void theReadmePerDayFormIsShownAndKeptWhenSomethingElseChanges() throws Exception {
    String policy = "timezone: UTC\novernight: {weekdays: \"22:00-07:00\", fri: \"23:30-10:00\", sat: off}\n";
    Files.writeString(rules.resolve("policy.yaml"), policy);
    SettingsViewModel vm = new SettingsViewModel(new FakeContext(new FakeStore(), rules), Io.direct());
    vm.load();
    assertThat(vm.overnight().get()).isEqualTo("mon-thu 22:00-07:00, fri 23:30-10:00");
    vm.quietHours().set("12:00-13:00");
    vm.save();
    assertThat(Files.readString(rules.resolve("policy.yaml"))).isEqualTo(policy + "quiet: \"12:00-13:00\"\n");
  }

  @Test
  void aFileBrokenElsewhereIsReReadAndNotOverwritten() throws Exception {
    Files.writeString(rules.resolve("policy.yaml"), "timezone: UTC\n");
    SettingsViewModel vm = new SettingsViewModel(new FakeContext(new FakeStore(), rules), Io.direct());
    vm.load();
    String broken = "timezone: UTC\nstorm: {count: 1, within: banana}\n";
    Files.writeString(rules.resolve("policy.yaml"), broken); // edited by hand while the page was open
    vm.quietHours().set("12:00-13:00");
    vm.save();
    assertThat(vm.message().get()).isEqualTo("Not saved: policy.yaml:2:16: policy: field \"storm.count\": \"1\" must be a whole number"
        + " from 2 to 100000 (and 1 more problem)");
    assertThat(Files.readString(rules.resolve("policy.yaml"))).isEqualTo(broken);
  }

  @Test
  void theSoundTestCallsTheEngine() {
    FakeContext ctx = new FakeContext(new FakeStore(), rules);
    new SettingsViewModel(ctx, Io.direct()).testSound();
    assertThat(ctx.calls).containsExactly("testSound");
  }
}
