package dev.vigil.ui.inbox;

import dev.vigil.alert.Alert;
import dev.vigil.ui.AlertFeed;
import dev.vigil.ui.DeskSnapshot;
import dev.vigil.ui.DesktopContext;
import dev.vigil.ui.Io;
import dev.vigil.ui.Noise;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The open alerts and what can be done to them. Holds no controls; every store call goes through {@link Io}. */
public final class InboxViewModel {
  static final String ACTOR = "desktop";
  /** At most this many rows change per frame; a bigger change is spread over the next frames. */
  static final int ROWS_PER_FRAME = 500;
  /** While the list is shorter than a screenful, it grows by at most {@value #FIRST_SCREEN_ROWS_PER_FRAME} per frame. */
  static final int SCREENFUL = 40;
  static final int FIRST_SCREEN_ROWS_PER_FRAME = 4;

  private final DesktopContext ctx;
  private final Io io;
  private final AlertFeed feed;
  private final RowList rows = new RowList();
  private final FilteredList<AlertRow> visible = new FilteredList<>(rows);
  private final StringProperty filter = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  /** The rows once every change handed to the FX thread is applied; read and written on the background thread. */
  private List<AlertRow> published = List.of();

  public InboxViewModel(DesktopContext ctx, Io io, AlertFeed feed) {
    this.ctx = ctx;
    this.io = io;
    this.feed = feed;
    filter.addListener((o, was, text) -> visible.setPredicate(matching(text)));
    feed.subscribe(this::show);
  }

  /** Visible rows: firing first, then by severity, newest first. */
  public ObservableList<AlertRow> rows() {
    return visible;
  }

  public StringProperty filter() {
    return filter;
  }

  /** "3 open, 2 firing". */
  public ReadOnlyStringProperty status() {
    return status.getReadOnlyProperty();
  }

  /** The last thing the user should be told (an action done, or a failure). */
  public ReadOnlyStringProperty message() {
    return message.getReadOnlyProperty();
  }

  /**
   * Sorts and words the rows on the background thread (10,000 open alerts take longer than a frame) and works out
   * what changed since the last publication; the FX thread then applies only the changed rows, at most
   * {@value #ROWS_PER_FRAME} per frame. Snapshots arrive, and their changes are applied, in order.
   */
  void show(DeskSnapshot s) {
    io.load(() -> changesOf(s), changes -> {
      List<List<RowDiff.Step>> batches = changes.batches();
      for (int i = 0; i < batches.size(); i++) {
        List<RowDiff.Step> batch = batches.get(i);
        boolean last = i == batches.size() - 1;
        io.nextFrame(() -> {
          rows.apply(batch);
          if (last) status.set(changes.status());
        });
      }
      if (batches.isEmpty()) io.nextFrame(() -> status.set(changes.status()));
    });
  }

  private record Rows(List<AlertRow> rows, String status) {}

  private record Changes(List<List<RowDiff.Step>> batches, String status) {}

  private Changes changesOf(DeskSnapshot s) {
    Rows next = rowsOf(s);
    List<RowDiff.Step> steps = RowDiff.between(published, next.rows());
    int ramp = Math.max(0, SCREENFUL - published.size());
    published = next.rows();
    return new Changes(RowDiff.batches(steps, ROWS_PER_FRAME, ramp, FIRST_SCREEN_ROWS_PER_FRAME), next.status());
  }

  private Rows rowsOf(DeskSnapshot s) {
    Instant now = ctx.clock().instant();
    ZoneId zone = ctx.zone(); // once: the app's zone() reads the policy
    java.util.Set<String> openMonitors = s.open().stream().map(Alert::monitor).collect(java.util.stream.Collectors.toSet());
    List<AlertRow> next = s.open().stream()
        .sorted(Comparator.comparing((Alert a) -> !Noise.isFiring(a, now))
            .thenComparing(Alert::severity)
            .thenComparing(Alert::firstSeen, Comparator.reverseOrder()))
        .map(a -> AlertRow.of(a, s.noise(), now, zone, openMonitors))
        .toList();
    long firing = s.open().stream().filter(a -> Noise.isFiring(a, now)).count();
    return new Rows(next, s.open().isEmpty() ? "Nothing open. All well." : s.open().size() + " open, " + firing + " firing");
  }

  public void acknowledge(AlertRow row, String note) {
    acknowledge(row.alert(), note);
  }

  public void acknowledge(Alert alert, String note) {
    Instant at = ctx.clock().instant();
    act(() -> ctx.store().acknowledge(alert.id(), blankToNull(note), ACTOR, at), "Acknowledged " + alert.monitor());
  }

  /** Acknowledges every firing alert (the tray's "Acknowledge all"). */
  public void acknowledgeAll() {
    Instant at = ctx.clock().instant();
    List<Long> ids = feed.latest().open().stream().filter(a -> Noise.isFiring(a, at)).map(Alert::id).toList();
    act(() -> ids.forEach(id -> ctx.store().acknowledge(id, null, ACTOR, at)),
        ids.size() == 1 ? "Acknowledged 1 alert" : "Acknowledged " + ids.size() + " alerts");
  }

  public void snooze(AlertRow row, SnoozeChoice choice) {
    snooze(row.alert(), choice);
  }

  public void snooze(Alert alert, SnoozeChoice choice) {
    Instant at = ctx.clock().instant();
    act(() -> ctx.store().snooze(alert.id(), choice.until(at, ctx.zone()), ACTOR, at), "Snoozed " + alert.monitor() + " " + choice.label());
  }

  public void resolve(AlertRow row, String note) {
    Instant at = ctx.clock().instant();
    act(() -> ctx.store().resolve(row.id(), blankToNull(note), ACTOR, at), "Resolved " + row.monitor());
  }

  private void act(Io.ThrowingRunnable work, String done) {
    io.run(() -> {
      work.run();
      feed.refreshSoon();
    }, () -> message.set(done));
  }

  private static Predicate<AlertRow> matching(String text) {
    if (text == null || text.isBlank()) return null;
    String needle = text.trim().toLowerCase(Locale.ROOT);
    return row -> row.searchText().contains(needle);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
