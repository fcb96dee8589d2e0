package dev.vigil.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Runs the desktop app over sample data: {@code java -cp ... dev.vigil.ui.DesktopDemo} (see scripts/screenshots.sh). */
public final class DesktopDemo {
  public static void main(String[] args) throws Exception {
    Path rules = Files.createTempDirectory("vigil-rules");
    Files.writeString(rules.resolve("policy.yaml"), "# demo policy\ntimezone: Europe/Berlin\novernight: \"22:00-08:00\"\n");
    dev.vigil.store.SqliteStore store = dev.vigil.store.SqliteStore.open(Files.createTempDirectory("vigil-data"), Clock.systemUTC());
    FakeContext ctx = new FakeContext(store, rules);
    ctx.clock = Clock.systemDefaultZone();
    SampleData.fill(store, ctx.clock.instant());
    DesktopApp.launch(ctx);
    System.exit(0);
  }
}
