package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.AlertState;
import dev.vigil.alert.ExternalAlert;
import dev.vigil.alert.Severity;
import dev.vigil.api.ApiPortFile;
import dev.vigil.cli.VigilCommand;
import dev.vigil.notify.AckWindow;
import dev.vigil.notify.Alarm;
import dev.vigil.rules.RulesLoader;
import dev.vigil.store.SqliteStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil snooze}, {@code vigil ack} and {@code vigil resolve} reach a running Vigil through its local API, else the database. */
class CommandLineThroughApiTest {
  @TempDir Path data;
  @TempDir Path rules;

  @Test
  void snoozeAndAckGoThroughTheRunningInstancesApiAndResolveFallsBackToTheDatabaseOnceItStopped() throws Exception {
    Files.writeString(rules.resolve("empty.yaml"), "monitors: []\n");
    var loaded = RulesLoader.load(rules, Map.of());
    long id;
    Instant snoozedUntil;
    try (Watch watch = Watch.start(data, loaded.rules(), rules, Map.of(), 0, Clock.systemUTC(),
        new Watch.Desktop(AckWindow.LOG, Alarm.SILENT))) {
      id = watch.engine().receive(new ExternalAlert("ext:disk", "disk-db1", Severity.WARNING, "disk 97% full",
          Map.of(), false, Instant.now(), "test")).orElseThrow().id();
      assertThat(ApiPortFile.runningInstance(data)).as("the command line finds the running instance").isPresent();

      Instant before = Instant.now();
      assertThat(vigil("snooze", String.valueOf(id), "--for", "15m", "--data", data.toString()))
          .startsWith("#" + id + " disk-db1 snoozed: snoozed until ")
          .endsWith(" (by the running Vigil)\n");
      snoozedUntil = watch.store().find(id).orElseThrow().snoozedUntil();
      assertThat(snoozedUntil)
          .isBetween(before.plusSeconds(15 * 60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), Instant.now().plusSeconds(15 * 60));

      assertThat(vigil("ack", String.valueOf(id), "--note", "on it", "--data", data.toString()))
          .isEqualTo("#" + id + " disk-db1 acknowledged: acknowledged (by the running Vigil)\n");
      assertThat(watch.store().find(id).orElseThrow().state()).isEqualTo(AlertState.ACKNOWLEDGED);
    }
    assertThat(ApiPortFile.runningInstance(data)).as("gone with the instance").isEmpty();
    assertThat(vigil("resolve", String.valueOf(id), "--data", data.toString()))
        .isEqualTo("#" + id + " disk-db1 resolved: resolved\n");
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      assertThat(store.timeline(id)).extracting(e -> e.kind() + " " + e.note())
          .containsExactly("fired disk 97% full", "snoozed until " + snoozedUntil,
              "acknowledged on it", "resolved null");
    }
  }

  @Test
  void aCopyOfTheDataFolderIsActedOnItselfNotThroughTheOriginalsRunningVigil(@TempDir Path elsewhere) throws Exception {
    Files.writeString(rules.resolve("empty.yaml"), "monitors: []\n");
    var loaded = RulesLoader.load(rules, Map.of());
    try (Watch watch = Watch.start(data, loaded.rules(), rules, Map.of(), 0, Clock.systemUTC(),
        new Watch.Desktop(AckWindow.LOG, Alarm.SILENT))) {
      long id = watch.engine().receive(new ExternalAlert("ext:disk", "disk-db1", Severity.WARNING, "disk 97% full",
          Map.of(), false, Instant.now(), "test")).orElseThrow().id();
      Path copy = elsewhere.resolve("copy");
      Process cp = new ProcessBuilder("cp", "-a", data.toString(), copy.toString()).inheritIO().start();
      assertThat(cp.waitFor()).isZero();
      int port = Integer.parseInt(Files.readString(data.resolve("api-port")).trim());

      Run ack = run("ack", String.valueOf(id), "--data", copy.toString());

      assertThat(ack.err()).isEqualTo("vigil ack: the Vigil on 127.0.0.1:" + port + " serves " + data.toRealPath() + ", not " + copy
          + ": acting on " + copy + " directly\n");
      assertThat(ack.out()).isEqualTo("#" + id + " disk-db1 acknowledged: acknowledged\n");
      assertThat(ack.exit()).isZero();
      assertThat(watch.store().find(id).orElseThrow().state()).as("the original's alert").isEqualTo(AlertState.FIRING);
      try (SqliteStore store = SqliteStore.open(copy, Clock.systemUTC())) {
        assertThat(store.find(id).orElseThrow().state()).as("the copy's alert").isEqualTo(AlertState.ACKNOWLEDGED);
      }
    }
  }

  @Test
  void aRefusalByTheRunningVigilIsShownWithItsReasonAndNotWrittenAround() throws Exception {
    Files.writeString(rules.resolve("empty.yaml"), "monitors: []\n");
    var loaded = RulesLoader.load(rules, Map.of());
    try (Watch watch = Watch.start(data, loaded.rules(), rules, Map.of(), 0, Clock.systemUTC(),
        new Watch.Desktop(AckWindow.LOG, Alarm.SILENT))) {
      long id = watch.engine().receive(new ExternalAlert("ext:disk", "disk-db1", Severity.WARNING, "disk 97% full",
          Map.of(), false, Instant.now(), "test")).orElseThrow().id();

      watch.store().resolve(id, "fixed", "test", Instant.now());

      Run resolve = run("resolve", String.valueOf(id), "--data", data.toString());

      assertThat(resolve.err()).isEqualTo("vigil resolve: alert #" + id + " not resolved: no open alert " + id
          + " (refused by the running Vigil)\n");
      assertThat(resolve.out()).isEmpty();
      assertThat(resolve.exit()).isEqualTo(1);
      try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
        assertThat(store.timeline(id)).extracting(e -> String.valueOf(e.kind())).as("nothing written around the refusal")
            .containsExactly("fired", "resolved");
      }
    }
  }

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = VigilCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static String vigil(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = VigilCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.execute(args);
    return out.toString();
  }
}
