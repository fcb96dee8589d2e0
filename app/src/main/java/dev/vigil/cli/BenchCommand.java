package dev.vigil.cli;

import dev.vigil.bench.BenchReport;
import dev.vigil.bench.BenchRun;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", description = "Measure Vigil against its own loopback fleet: CPU per check beside the leanest"
    + " OkHttp loop's (the floor, first), connection reuse, lateness, check all now, a storm, memory. Uses temp folders;"
    + " touches no data.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--endpoints", paramLabel = "N", defaultValue = "5000", description = "Endpoints to watch (default ${DEFAULT-VALUE}).")
  int endpoints;
  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s", description = "Check interval (default ${DEFAULT-VALUE}).")
  String interval;
  @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "2m",
      description = "How long to measure steady watching, after a warm-up of one interval (default ${DEFAULT-VALUE}).")
  String duration;
  @Option(names = "--json", description = "Print JSON instead of the table.") boolean json;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Duration every = Arguments.duration("--interval", interval);
    Duration measured = Arguments.duration("--duration", duration);
    Arguments.count("--endpoints", endpoints, 1, 100_000);
    BenchReport report = new BenchRun(endpoints, every, measured, System.err).run();
    if (json) report.printJson(System.out);
    else report.printTable(System.out);
    System.out.flush();
    return 0;
  }
}
