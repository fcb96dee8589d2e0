package dev.vigil.bench;

import dev.vigil.fleet.LoopbackFleet;
import dev.vigil.fleet.LoopbackFleet.Behaviour;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The benchmark's fleet in a process of its own, so that the CPU the bench reports is Vigil's alone.
 * Starts {@code SERVERS} {@link LoopbackFleet}s, prints {@code ready PORT,PORT,...}, then obeys one command a
 * line on stdin: {@code up} or {@code down} (every service), answering {@code ok}. Ends when stdin closes.
 */
public final class FleetProcess {
  private FleetProcess() {}

  public static void main(String[] args) throws IOException {
    int servers = Integer.parseInt(args[0]);
    int threads = Integer.parseInt(args[1]);
    List<LoopbackFleet> fleets = new ArrayList<>();
    for (int i = 0; i < servers; i++) fleets.add(LoopbackFleet.start(0, threads));
    System.out.println("ready " + fleets.stream().map(f -> String.valueOf(f.port())).collect(Collectors.joining(",")));
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      Behaviour b = switch (line.trim()) {
        case "up" -> Behaviour.UP;
        case "down" -> Behaviour.DOWN;
        default -> null;
      };
      if (b != null) fleets.forEach(f -> f.setAll(b));
      System.out.println(b == null ? "unknown " + line : "ok");
      System.out.flush();
    }
    fleets.forEach(LoopbackFleet::close);
  }
}
