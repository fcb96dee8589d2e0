package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HistoryTest {
  static final Instant T0 = Instant.parse("2026-10-25T00:00:00Z");
  static final List<String> MONITORS = List.of("payments-api", "search", "cart_v2");

  @TempDir static Path dir;
  static SqliteStore store;
  static List<Alert> all;

  /** 120 alerts over three monitors, every severity and state, three to a first-seen time so ties need the id. */
  @BeforeAll
  static void fill() {
    store = SqliteStore.open(dir, Clock.fixed(T0, ZoneOffset.UTC));
    store.transaction(w -> {
      for (int i = 0; i < 120; i++) {
        Instant at = T0.plusSeconds(60L * (i / 3));
        String monitor = MONITORS.get(i % 3);
        String summary = i % 10 == 0 ? "Status (503) == 200" : "latency (950ms) < 800ms";
        w.fire("fp" + i, monitor, Severity.values()[i % 4 % 3], summary, Map.of(), at);
        if (i % 4 == 1) w.recover("fp" + i, "ok", at.plusSeconds(5));
      }
      return null;
    });
    for (int i = 2; i < 120; i += 8) store.acknowledge(store.findOpen("fp" + i).orElseThrow().id(), null, "cli", T0);
    all = store.history(new HistoryQuery(null, null, null, null, null, null, 1_000, null)).items();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  static Stream<Arguments> cases() {
    Instant mid = T0.plusSeconds(60 * 15);
    return Stream.of(
        row("everything, one row a page", query(null, null, null, null, null, null, 1), anyAlert()),
        row("everything, pages that split a first-seen tie", query(null, null, null, null, null, null, 7), anyAlert()),
        row("everything on one page", query(null, null, null, null, null, null, 500), anyAlert()),
        row("one monitor", query(null, null, "search", null, null, null, 4), a -> a.monitor().equals("search")),
        row("one severity", query(null, null, null, Severity.WARNING, null, null, 5), a -> a.severity() == Severity.WARNING),
        row("resolved only", query(null, null, null, null, AlertState.RESOLVED, null, 6), a -> a.state() == AlertState.RESOLVED),
        row("acknowledged only", query(null, null, null, null, AlertState.ACKNOWLEDGED, null, 3),
            a -> a.state() == AlertState.ACKNOWLEDGED),
        row("since is inclusive", query(mid, null, null, null, null, null, 8), a -> !a.firstSeen().isBefore(mid)),
        row("until is exclusive", query(null, mid, null, null, null, null, 8), a -> a.firstSeen().isBefore(mid)),
        row("text matches the summary, any case", query(null, null, null, null, null, "status (503", 2),
            a -> a.summary().toLowerCase(Locale.ROOT).contains("status (503")),
        row("text matches the monitor", query(null, null, null, null, null, "PAYMENTS", 9), a -> a.monitor().equals("payments-api")),
        row("an underscore in text is literal", query(null, null, null, null, null, "t_v", 9), a -> a.monitor().equals("cart_v2")),
        row("a percent sign in text is literal", query(null, null, null, null, null, "%", 9), a -> false),
        row("every filter at once", query(T0.plusSeconds(60), mid, "payments-api", Severity.CRITICAL, AlertState.FIRING, "503", 2),
            a -> !a.firstSeen().isBefore(T0.plusSeconds(60)) && a.firstSeen().isBefore(mid) && a.monitor().equals("payments-api")
                && a.severity() == Severity.CRITICAL && a.state() == AlertState.FIRING && a.summary().contains("503")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pagingWalksEveryMatchingAlertExactlyOnceNewestFirst(String intent, HistoryQuery query, Predicate<Alert> matches) {
    List<Long> expected = all.stream().filter(matches).map(Alert::id).toList();
    List<Long> walked = new ArrayList<>();
    Set<HistoryQuery.Cursor> cursors = new HashSet<>();
    Page<Alert> page = store.history(query);
    while (true) {
      assertThat(page.items().size()).isLessThanOrEqualTo(query.limit());
      page.items().forEach(a -> walked.add(a.id()));
      if (page.next() == null) break;
      assertThat(cursors.add(page.next())).isTrue();
      page = store.history(query.next(page.next()));
    }
    assertThat(walked).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pagingUpFromTheOldestRowWalksEveryOtherMatchingAlertExactlyOnceEachPageNewestFirst(
      String intent, HistoryQuery query, Predicate<Alert> matches) {
    List<Long> expected = all.stream().filter(matches).map(Alert::id).toList();
    if (expected.isEmpty()) return;
    Alert oldest = all.stream().filter(a -> a.id() == expected.get(expected.size() - 1)).findFirst().orElseThrow();
    List<Long> walked = new ArrayList<>(List.of(oldest.id()));
    Page<Alert> page = store.history(query.previous(new HistoryQuery.Cursor(oldest.firstSeen(), oldest.id())));
    while (true) {
      assertThat(page.items().size()).isLessThanOrEqualTo(query.limit());
      List<Long> ids = page.items().stream().map(Alert::id).toList();
      walked.addAll(0, ids); // each page sits right above what was read so far
      if (page.next() == null) break;
      assertThat(page.next().id()).isEqualTo(ids.get(0));
      page = store.history(query.previous(page.next()));
    }
    assertThat(walked).isEqualTo(expected);
  }

  @Test
  void aPageIsReadAfterARowOrBeforeOneNotBoth() {
    HistoryQuery.Cursor c = new HistoryQuery.Cursor(T0, 1);
    assertThat(HistoryQuery.latest(5).next(c).previous(c).after()).isNull();
    assertThat(HistoryQuery.latest(5).previous(c).next(c).before()).isNull();
    assertThatThrownBy(() -> new HistoryQuery(null, null, null, null, null, null, 5, c, c))
        .hasMessage("a page is read after a row or before one, not both");
  }

  @Test
  void theFixtureCoversEveryStateAndTiesOnFirstSeen() {
    assertThat(all).hasSize(120);
    assertThat(all).extracting(Alert::state).contains(AlertState.values());
    assertThat(all).isSortedAccordingTo(Comparator.comparing(Alert::firstSeen).thenComparing(Alert::id).reversed());
    assertThat(all.get(0).firstSeen()).isEqualTo(all.get(1).firstSeen());
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> store.history(HistoryQuery.latest(0))).hasMessage("limit must be at least 1, was 0");
  }

  static Stream<Arguments> plans() {
    HistoryQuery.Cursor cursor = new HistoryQuery.Cursor(T0.plusSeconds(600), 50);
    return Stream.of(
        Arguments.of("the latest page", HistoryQuery.latest(50), "alerts_first_seen"),
        Arguments.of("a later page", HistoryQuery.latest(50).next(cursor), "alerts_first_seen"),
        Arguments.of("an earlier page, read upwards", HistoryQuery.latest(50).previous(cursor), "alerts_first_seen"),
        Arguments.of("an earlier page of one monitor", query(null, null, "search", null, null, null, 50).previous(cursor),
            "alerts_monitor_first_seen"),
        Arguments.of("an earlier page of firing alerts", query(null, null, null, null, AlertState.FIRING, null, 50).previous(cursor),
            "alerts_open"),
        Arguments.of("the latest page of one monitor", query(null, null, "search", null, null, null, 50), "alerts_monitor_first_seen"),
        Arguments.of("a later page of one monitor", query(null, null, "search", null, null, null, 50).next(cursor),
            "alerts_monitor_first_seen"),
        Arguments.of("one monitor since a time", query(T0, null, "search", null, null, null, 50).next(cursor), "alerts_monitor_first_seen"),
        Arguments.of("a time window", query(T0, T0.plusSeconds(3600), null, null, null, null, 50), "alerts_first_seen"),
        Arguments.of("a text search", query(null, null, null, null, null, "503", 50).next(cursor), "alerts_first_seen"),
        Arguments.of("firing alerts", query(null, null, null, null, AlertState.FIRING, null, 50).next(cursor), "alerts_open"),
        Arguments.of("acknowledged alerts", query(null, null, null, null, AlertState.ACKNOWLEDGED, null, 50), "alerts_open"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void historyReadsAnIndexInOrderWithoutSortingOrScanningTheTable(String intent, HistoryQuery query, String index)
      throws SQLException {
    Alerts.HistorySql sql = Alerts.HistorySql.of(query);
    List<String> plan = queryPlan(sql.text(), sql.params());

    assertThat(plan).anyMatch(step -> step.matches("(SCAN|SEARCH) alerts USING (COVERING )?INDEX " + index + "\\b.*"));
    assertThat(plan).noneMatch(step -> step.equals("SCAN alerts") || step.contains("TEMP B-TREE"));
  }

  @Test
  void openAlertsReadOnlyTheOpenAlertsIndexInOrder() throws SQLException {
    List<String> plan = queryPlan(Alerts.LIST_OPEN);

    assertThat(plan).containsExactly("SCAN alerts USING INDEX alerts_open");
  }

  @Test
  void findingTheOpenAlertOfAFingerprintUsesItsUniqueIndex() throws SQLException {
    List<String> plan = queryPlan(Alerts.FIND_OPEN, "fp7");

    assertThat(plan).containsExactly("SEARCH alerts USING INDEX alerts_open_fingerprint (fingerprint=?)");
  }

  static List<String> queryPlan(String sql, Object... params) throws SQLException {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + store.database());
        PreparedStatement explain = raw.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
      for (int i = 0; i < params.length; i++) explain.setObject(i + 1, params[i]);
      List<String> steps = new ArrayList<>();
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) steps.add(rows.getString("detail"));
      }
      return steps;
    }
  }

  static HistoryQuery query(
      Instant since, Instant until, String monitor, Severity severity, AlertState state, String text, int limit) {
    return new HistoryQuery(since, until, monitor, severity, state, text, limit, null);
  }

  static Predicate<Alert> anyAlert() {
    return a -> true;
  }

  static Arguments row(String intent, HistoryQuery query, Predicate<Alert> matches) {
    return Arguments.of(intent, query, matches);
  }
}
