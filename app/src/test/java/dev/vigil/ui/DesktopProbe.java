package dev.vigil.ui;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.Severity;
import dev.vigil.store.AlertStore;
import dev.vigil.store.SqliteStore;
import dev.vigil.ui.history.HistoryView;
import dev.vigil.ui.history.HistoryViewModel;
import dev.vigil.ui.inbox.InboxView;
import dev.vigil.ui.inbox.InboxViewModel;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * Desktop measurements, printed, never asserted (run by bench/history-scroll.sh), on Monocle headless with the
 * software renderer, the way the TestFX tests run:
 * <ul>
 *   <li>{@code scroll DATA_DIR PAGES}: the History view over a data folder (e.g. 1,000,000 alerts from
 *       {@code dev.vigil.bench.HistoryFixture}); the person scrolls down one page (HistoryViewModel.PAGE rows)
 *       PAGES times, then back up (at most 100 pages), see {@link #steps}. Per page: from the scroll until the
 *       page is in the table and laid out; the CSS + layout pass alone; the store's {@code history} call alone;
 *       the longest gap between two FX pulses; the process's CPU time per page; the rows the list holds.</li>
 *   <li>{@code storm DATA_DIR N [OPEN]}: the inbox shown over a real store (with OPEN alerts already open and
 *       shown for two seconds before, default none), N alerts fired within one second (written in
 *       batches of N/10 every 100 ms, each one told to the AlertFeed like the engine does); the longest gap
 *       between two FX pulses, i.e. the longest frame the FX thread was blocked, and the most CPU time the FX thread
 *       spent between two pulses (the same, without the waits a loaded machine adds).</li>
 *   <li>{@code board N SECONDS}: the monitors board, see {@link BoardProbe}.</li>
 * </ul>
 */
public final class DesktopProbe {
  /** Longest gap between two pulses since the last reset, measured by an AnimationTimer (which also keeps pulses going). */
  static final class PulseGaps extends AnimationTimer {
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private long last;
    private long lastCpu;
    final AtomicLong maxNanos = new AtomicLong();
    /** The FX thread's own CPU time between two pulses: what it did, without the waiting a loaded machine adds. */
    final AtomicLong maxCpuNanos = new AtomicLong();
    /** Wall-clock millis of the start and end of the frame with the most FX CPU since the last reset (to find it in a JFR recording). */
    volatile long worstFrom, worstTo, worstGapFrom, worstGapTo;
    private long lastWall;

    @Override public void handle(long now) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.currentTimeMillis();
      if (last != 0) {
        if (now - last > maxNanos.get()) {
          worstGapFrom = lastWall;
          worstGapTo = wall;
        }
        maxNanos.accumulateAndGet(now - last, Math::max);
        if (cpu - lastCpu > maxCpuNanos.get()) {
          worstFrom = lastWall;
          worstTo = wall;
        }
        maxCpuNanos.accumulateAndGet(cpu - lastCpu, Math::max);
      }
      last = now;
      lastCpu = cpu;
      lastWall = wall;
    }

    long takeMax() {
      return maxNanos.getAndSet(0);
    }

    long takeMaxCpu() {
      return maxCpuNanos.getAndSet(0);
    }
  }

  public static void main(String[] args) throws Exception {
    new HeadlessFx().beforeAll(null);
    CountDownLatch up = new CountDownLatch(1);
    Platform.startup(up::countDown);
    up.await();
    Platform.setImplicitExit(false);
    try {
      switch (args[0]) {
        case "scroll" -> scroll(Path.of(args[1]), Integer.parseInt(args[2]));
        case "board" -> BoardProbe.run(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        case "storm" -> storm(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 0);
        default -> throw new IllegalArgumentException(args[0]);
      }
    } finally {
      Platform.exit();
    }
    System.exit(0);
  }

  static void scroll(Path data, int pages) throws Exception {
    SqliteStore real = SqliteStore.open(data, Clock.systemUTC());
    List<Long> queryNanos = new ArrayList<>();
    AlertStore timed = (AlertStore) Proxy.newProxyInstance(AlertStore.class.getClassLoader(), new Class<?>[] {AlertStore.class},
        (p, m, a) -> {
          long t = System.nanoTime();
          try {
            return m.invoke(real, a);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          } finally {
            if (m.getName().equals("history")) synchronized (queryNanos) { queryNanos.add(System.nanoTime() - t); }
          }
        });
    FakeContext ctx = new FakeContext(timed, data);
    ctx.clock = Clock.system(ZoneId.of("Europe/Berlin"));
    Io io = Io.thread(Platform::runLater);
    HistoryViewModel vm = new HistoryViewModel(ctx, io);
    vm.range().set(dev.vigil.ui.history.TimeRange.values()[dev.vigil.ui.history.TimeRange.values().length - 1]);
    PulseGaps gaps = new PulseGaps();
    TableView<?>[] table = new TableView<?>[1];
    OnFx.run(() -> {
      Stage stage = new Stage();
      HistoryView view = new HistoryView(vm, ctx.zone(), ctx.clock::instant);
      Scene scene = new Scene(view, 1200, 700);
      Theme.apply(false);
      Theme.style(scene);
      stage.setScene(scene);
      stage.show();
      table[0] = (TableView<?>) scene.lookup("#history-table");
      gaps.start();
      vm.search();
    });
    waitForRows(vm, 1);
    System.out.printf("range %s, first page %d rows%n", vm.range().get(), vm.rows().size());
    long started = System.nanoTime();
    Steps down = steps(vm, table[0], gaps, pages, true);
    System.out.printf("down: pages=%d wrong_top_rows=%d rows_in_list=%d (window %d) page_size=%d heap_used_mb=%.0f cpu_ms_per_page=%.2f, %.0f s%n",
        down.done, down.wrong, sizeOnFx(vm), HistoryViewModel.WINDOW, HistoryViewModel.PAGE, heapMb(), down.cpuNanos / 1e6 / Math.max(1, down.done),
        (System.nanoTime() - started) / 1e9);
    down.report("");
    long[] q;
    synchronized (queryNanos) { q = queryNanos.stream().mapToLong(Long::longValue).toArray(); queryNanos.clear(); }
    report("  store.history alone (ms)", q);
    int tenth = Math.max(1, down.done / 10);
    report("first 10% of pages, total (ms)", Arrays.copyOfRange(down.total, 0, tenth));
    report("last 10% of pages, total (ms)", Arrays.copyOfRange(down.total, down.done - tenth, down.done));
    Steps up = steps(vm, table[0], gaps, Math.min(pages, 100), false);
    System.out.printf("up: pages=%d wrong_top_rows=%d rows_in_list=%d cpu_ms_per_page=%.2f%n", up.done, up.wrong, sizeOnFx(vm),
        up.cpuNanos / 1e6 / Math.max(1, up.done));
    up.report("up: ");
    io.close();
    real.close();
  }

  /** Per-page figures of one scroll direction. */
  record Steps(long[] total, long[] layout, long[] pulse, int done, int wrong, long cpuNanos) {
    void report(String prefix) {
      DesktopProbe.report(prefix + "scroll -> page in table, laid out (ms)", Arrays.copyOf(total, done));
      DesktopProbe.report(prefix + "  css + layout pass (ms)", Arrays.copyOf(layout, done));
      DesktopProbe.report(prefix + "longest FX pulse gap per page (ms)", Arrays.copyOf(pulse, done));
    }
  }

  /**
   * The person scrolls one page of rows at a time: down, to the end of the rows the table holds (where its scroll bar
   * ends), which makes the table ask for the next keyset page; or up, to its first row, which asks for the page above.
   * Timed from the scroll until that page is in the table's list and a CSS + layout pass has run with the page's
   * first row (down) or its last row (up) at the top, i.e. until the person can read it. Counts the
   * steps whose top row is not the expected one.
   */
  static Steps steps(HistoryViewModel vm, TableView<?> table, PulseGaps gaps, int pages, boolean down) throws Exception {
    long[] total = new long[pages];
    long[] layout = new long[pages];
    long[] pulse = new long[pages];
    int done = 0;
    int wrong = 0;
    long cpu0 = processCpuNanos();
    for (int p = 0; p < pages; p++) {
      gaps.takeMax();
      CountDownLatch grew = new CountDownLatch(1);
      ListChangeListener<Alert> l = c -> grew.countDown();
      Alert[] edge = new Alert[1];
      long t0 = System.nanoTime();
      OnFx.run(() -> {
        edge[0] = down ? vm.rows().get(vm.rows().size() - 1) : vm.rows().get(0);
        vm.rows().addListener(l);
        table.scrollTo(down ? vm.rows().size() - 1 : 0);
        table.layout(); // the rows at that end are built; their updateItem asks for the next page
      });
      if (!grew.await(30, TimeUnit.SECONDS)) {
        System.out.printf("no more rows after %d pages%n", p);
        break;
      }
      long[] l1 = new long[1];
      boolean[] ok = new boolean[1];
      OnFx.run(() -> {
        vm.rows().removeListener(l);
        long t = System.nanoTime();
        table.layout(); // the pass the next pulse would run: the rows that were on screen stay there
        int at = vm.rows().indexOf(edge[0]);
        Alert expected = vm.rows().get(down ? at + 1 : Math.max(0, at - 1));
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        flow.scrollToTop(down ? at + 1 : Math.max(0, at - 1));
        table.applyCss();
        table.layout();
        l1[0] = System.nanoTime() - t;
        IndexedCell<?> shown = flow.getFirstVisibleCell();
        ok[0] = shown != null && expected.equals(shown.getItem());
      });
      long t1 = System.nanoTime();
      OnFx.run(() -> {}); // let the pulse that renders it run before reading the longest gap
      total[p] = t1 - t0;
      layout[p] = l1[0];
      pulse[p] = gaps.takeMax();
      if (!ok[0]) wrong++;
      done++;
      if ((p + 1) % 500 == 0) System.out.printf("  %d pages%n", p + 1);
    }
    return new Steps(total, layout, pulse, done, wrong, processCpuNanos() - cpu0);
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static double heapMb() {
    return (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0;
  }

  static void storm(Path data, int n, int alreadyOpen) throws Exception {
    Files.createDirectories(data);
    SqliteStore store = SqliteStore.open(data, Clock.systemUTC());
    FakeContext ctx = new FakeContext(store, data);
    ctx.clock = Clock.system(ZoneId.of("Europe/Berlin"));
    Io io = Io.thread(Platform::runLater);
    AlertFeed feed = new AlertFeed(ctx, io);
    InboxViewModel inbox = new InboxViewModel(ctx, io, feed);
    PulseGaps gaps = new PulseGaps();
    OnFx.run(() -> {
      Stage stage = new Stage();
      Scene scene = new Scene(new InboxView(inbox, url -> {}, row -> {}), 1100, 560);
      Theme.apply(false);
      Theme.style(scene);
      stage.setScene(scene);
      stage.show();
      feed.start();
      gaps.start();
    });
    if (alreadyOpen > 0) {
      store.transaction(w -> {
        for (int i = 0; i < alreadyOpen; i++) w.fire("open-" + i, "old-" + i, Severity.WARNING, "status (503) == 200", null, Instant.now());
        return null;
      });
      feed.refreshSoon();
      long until = System.currentTimeMillis() + 30_000;
      while (inbox.rows().size() < alreadyOpen && System.currentTimeMillis() < until) Thread.sleep(50);
    }
    Thread.sleep(2000);
    long idle = gaps.takeMax();
    long idleCpu = gaps.takeMaxCpu();
    int batch = Math.max(1, n / 10);
    long t0 = System.nanoTime();
    for (int b = 0; b < n; b += batch) {
      int from = b;
      int to = Math.min(n, b + batch);
      List<Alert> fired = store.transaction(w -> {
        List<Alert> out = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = from; i < to; i++) {
          out.add(w.fire("storm-" + i, "svc-" + i, i % 5 == 0 ? Severity.CRITICAL : Severity.WARNING, "status (503) == 200", null, now));
        }
        return out;
      });
      Instant now = Instant.now();
      for (Alert a : fired) feed.listener().onChange(new AlertChange(AlertChange.Kind.FIRED, a, now));
      long next = t0 + (b / batch + 1) * 100_000_000L;
      long wait = next - System.nanoTime();
      if (wait > 0) Thread.sleep(wait / 1_000_000);
    }
    long written = System.nanoTime() - t0;
    long deadline = System.currentTimeMillis() + 30_000;
    while (inbox.rows().size() < n + alreadyOpen && System.currentTimeMillis() < deadline) Thread.sleep(50);
    long shown = System.nanoTime() - t0;
    Thread.sleep(1000);
    System.out.printf("storm n=%d written_in_ms=%.0f inbox_rows=%d all_in_inbox_after_ms=%.0f idle_max_pulse_gap_ms=%.1f storm_max_pulse_gap_ms=%.1f"
        + " idle_max_fx_cpu_per_frame_ms=%.1f storm_max_fx_cpu_per_frame_ms=%.1f%n",
        n, written / 1e6, inbox.rows().size(), shown / 1e6, idle / 1e6, gaps.takeMax() / 1e6, idleCpu / 1e6, gaps.takeMaxCpu() / 1e6);
    System.out.printf("storm longest gap from %d to %d, worst frame (FX CPU) from %d to %d (epoch ms), %d ms after the first write%n",
        gaps.worstGapFrom, gaps.worstGapTo, gaps.worstFrom, gaps.worstTo,
        gaps.worstFrom - (System.currentTimeMillis() - (System.nanoTime() - t0) / 1_000_000));
    io.close();
    store.close();
  }

  static void report(String what, long[] nanos) {
    if (nanos.length == 0) return;
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf("%-42s n=%d median=%.2f p90=%.2f p99=%.2f max=%.2f%n", what, s.length, pct(s, 50), pct(s, 90), pct(s, 99),
        s[s.length - 1] / 1e6);
  }

  static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  static int sizeOnFx(HistoryViewModel vm) throws InterruptedException {
    int[] n = new int[1];
    OnFx.run(() -> n[0] = vm.rows().size());
    return n[0];
  }

  static void waitForRows(HistoryViewModel vm, int atLeast) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (sizeOnFx(vm) < atLeast) {
      if (System.currentTimeMillis() > deadline) throw new IllegalStateException("no rows: " + vm.status().get());
      Thread.sleep(20);
    }
  }

}
