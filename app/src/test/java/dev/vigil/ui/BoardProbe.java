package dev.vigil.ui;

import dev.vigil.engine.MonitorRow;
import dev.vigil.ui.monitors.MonitorsView;
import dev.vigil.ui.monitors.MonitorsViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * {@code DesktopProbe board N SECONDS}: the monitors board with N monitors, read again every 5 s as the Shell does
 * (each read a new list in which a sixth of the monitors had a check since the last: states, latencies, sparklines
 * and order change), printed, never asserted. First the person scrolls
 * the table from top to bottom a screen at a time (longest FX pulse gap and FX CPU per frame), then, after a minute
 * to settle ({@code -Dboard.settle=S}), the board sits idle for SECONDS (the process's CPU share, the refreshes included; the rows come from memory, so this is the
 * board's own cost on the FX and Io threads, without the engine's).
 */
final class BoardProbe {
  private BoardProbe() {}

  static void run(int n, int seconds) throws Exception {
    run(n, seconds, Long.getLong("board.refresh", 5000));
  }

  /** @param refreshMillis how often the board is read again (5000 as the Shell; a large value: the window alone) */
  static void run(int n, int seconds, long refreshMillis) throws Exception {
    FakeContext ctx = new FakeContext(null, Path.of("."));
    ctx.clock = Clock.system(ZoneId.of("Europe/Berlin"));
    int[] round = {0};
    Instant start = Instant.now();
    ctx.board = rows(n, 0, start);
    Io io = Io.thread(Platform::runLater);
    MonitorsViewModel vm = new MonitorsViewModel(ctx, io, (f, line) -> {}, url -> {});
    DesktopProbe.PulseGaps gaps = new DesktopProbe.PulseGaps();
    TableView<?>[] table = new TableView<?>[1];
    Stage[] stage = new Stage[1];
    OnFx.run(() -> {
      stage[0] = new Stage();
      Scene scene = new Scene(new MonitorsView(vm), 1480, 640);
      Theme.apply(false);
      Theme.style(scene);
      stage[0].setScene(scene);
      stage[0].show();
      table[0] = (TableView<?>) scene.lookup("#monitors-table");
      gaps.start();
      vm.refresh();
    });
    java.util.concurrent.atomic.AtomicLong making = new java.util.concurrent.atomic.AtomicLong();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    io.every(refreshMillis, () -> {
      long c = threads.getCurrentThreadCpuTime();
      ctx.board = rows(n, ++round[0], start);
      making.addAndGet(threads.getCurrentThreadCpuTime() - c); // the probe's stand-in for the engine, not the board
      io.fx(() -> {
        if (stage[0].isShowing()) vm.refresh();
      });
    });
    long deadline = System.currentTimeMillis() + 30_000;
    while (vm.rows().size() < n && System.currentTimeMillis() < deadline) Thread.sleep(50);
    Thread.sleep(1000);
    gaps.takeMax();
    gaps.takeMaxCpu();
    int screen = 20;
    long[] pulse = new long[n / screen + 1];
    long[] fxCpu = new long[pulse.length];
    int steps = 0;
    for (int top = 0; top < n; top += screen) {
      int at = top;
      OnFx.run(() -> table[0].scrollTo(at));
      OnFx.run(() -> {}); // the pulse that draws it
      Thread.sleep(16);
      pulse[steps] = gaps.takeMax();
      fxCpu[steps++] = gaps.takeMaxCpu();
    }
    System.out.printf("board n=%d rows_shown=%d%n", n, vm.rows().size());
    DesktopProbe.report("scroll: longest pulse gap per screen (ms)", java.util.Arrays.copyOf(pulse, steps));
    DesktopProbe.report("scroll: most FX CPU in a frame per screen (ms)", java.util.Arrays.copyOf(fxCpu, steps));
    OnFx.run(gaps::stop); // its timer would draw every frame; idle, JavaFX draws only what changed
    Thread.sleep(Long.getLong("board.settle", 60) * 1000); // JIT and GC after the scroll settle, as bench/desktop.sh waits
    long[] fxThread = new long[1];
    OnFx.run(() -> fxThread[0] = Thread.currentThread().getId());
    String[] boardThreads = {"vigil-ui-io", "QuantumRenderer-0"};
    java.util.Map<String, Long> threads0 = threadCpu(threads, fxThread[0], boardThreads);
    long cpu0 = DesktopProbe.processCpuNanos();
    long made0 = making.get();
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long cpu = DesktopProbe.processCpuNanos() - cpu0;
    long made = making.get() - made0;
    long wall = System.nanoTime() - t0;
    System.out.printf("idle %d s (a refresh every %d ms, %d rows): process_cpu=%.2f %% of a core, of which the probe making rows"
        + " %.2f %%: the board's own %.2f %%, heap_used_mb=%.0f%n", seconds, refreshMillis, n, 100.0 * cpu / wall,
        100.0 * made / wall, 100.0 * (cpu - made) / wall, DesktopProbe.heapMb());
    java.util.Map<String, Long> threads1 = threadCpu(threads, fxThread[0], boardThreads);
    StringBuilder per = new StringBuilder();
    long board = 0;
    for (var e : threads1.entrySet()) {
      long used = e.getValue() - threads0.getOrDefault(e.getKey(), 0L);
      if (e.getKey().equals("vigil-ui-io")) used -= made; // the probe's stand-in for the engine runs there
      board += used;
      per.append(String.format(" %s %.2f %%", e.getKey(), 100.0 * used / wall));
    }
    System.out.printf("idle per thread (the board's: its Io thread less the probe's rows, the FX thread, the renderer):%s;"
        + " together %.2f %% of a core%n", per, 100.0 * board / wall);
    io.close();
  }

  /** CPU time so far of the FX thread and of the named threads. */
  private static java.util.Map<String, Long> threadCpu(java.lang.management.ThreadMXBean mx, long fx, String... names) {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    out.put("fx", mx.getThreadCpuTime(fx));
    for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null && java.util.Arrays.asList(names).contains(t.getThreadName())) out.put(t.getThreadName(), mx.getThreadCpuTime(t.getThreadId()));
    }
    return out;
  }

  /**
   * N monitors in mixed states, with a last hour of latencies, each checked every 30 s at its own second: read every
   * 5 s ({@code round}), a sixth of them has a new check (new state, latency, hour and times) since the last read.
   */
  static List<MonitorRow> rows(int n, int round, Instant start) {
    String[] states = {"up", "up", "up", "up", "up", "up", "failing 1/2", "firing", "paused", "in maintenance"};
    List<MonitorRow> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int offset = i % 30;
      int check = (5 * round + offset) / 30; // how many checks this monitor has had since the start
      Instant last = start.plusSeconds(30L * check - offset);
      List<Long> hour = new ArrayList<>(60);
      for (int m = 0; m < 60; m++) hour.add((long) (20 + (i * 7 + m * 13 + check) % 90));
      String state = states[(i + check) % states.length];
      out.add(new MonitorRow(String.format("svc-%05d", i), i % 4 == 0 ? "tcp" : "http", state, last,
          state.equals("up") ? "ok" : "status: status (503) == 200", 20L + (i + check) % 90, 0.9990, last.plusSeconds(30),
          "fleet.yaml", 3 + i * 4, 0.9985, hour, i % 3 == 0 ? "https://wiki.example/runbooks/svc" : null));
    }
    return out;
  }
}
