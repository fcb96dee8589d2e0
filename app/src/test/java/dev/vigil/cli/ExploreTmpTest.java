package dev.vigil.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExploreTmpTest {
  @TempDir Path root;

  @Test
  void explore() throws Exception {
    Path data = root.resolve("data");
    dev.vigil.store.SqliteStore.open(data, java.time.Clock.systemUTC()).close();
    Path empty = Files.createDirectory(root.resolve("empty"));
    Path file = Files.writeString(root.resolve("file"), "x");
    String[][] cases = {
      {"alrts"}, {"ack"}, {"ack", "abc"}, {"snooze", "1", "--fro", "1h"}, {"silence", "add", "--for", "1h"},
      {"validate", "--rules", empty.toString()}, {"validate", "--rules", root.resolve("missing").toString()},
      {"silence", "add", "--match", "monitor=a", "--match", "team=b", "--for", "1h", "--data", data.toString(), "--rules", empty.toString()},
      {"silence", "list", "--data", data.toString()},
      {"autostart", "bogus"}, {"quiet", "on", "--for", "1h", "--until-morning"}, {"alerts", "--data", file.toString()},
      {"run", "--api-port", "70000", "--data", data.toString()}, {"history", "--limit", "x"}, {"quiet"}, {"help", "ack"},
      {"alerts", "--data=~/nope"},
    };
    for (String[] c : cases) {
      Cli cli = new Cli(Cli.linuxUnder(root));
      int code = cli.execute(c);
      System.out.println("=== " + String.join(" ", c) + " -> " + code + "\nOUT:" + cli.out + "ERR:" + cli.err);
    }
  }
}
