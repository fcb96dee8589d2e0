package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.engine.PhoneLog.Page;
import dev.vigil.store.SqliteStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The wake ladder's part of the kill -9 suite, judged by what the phone received: no page for an acknowledged
 * alert (beyond the second a running Vigil may take to learn of it), no step paged twice across restarts, no
 * contact without the phone page before it, and every unacknowledged alert's ladder carried through to the end.
 */
final class LadderChecks {
  /**
   * A page is recorded as sent after its send returns; killed in between, the restart cannot tell it left and
   * sends it again (at least once: a page twice beats a page never sent). How long such a page may have been out.
   */
  static final Duration IN_FLIGHT = Duration.ofSeconds(2);

  private LadderChecks() {}

  /**
   * Night around the clock (from an hour ago to a minute before that), short rungs, no storm grouping, and no reopening
   * (issue 15): an alert resolved by hand between kills must fire anew and climb its own ladder.
   */
  static String alwaysNightPolicy(PhoneLog phone) {
    LocalTime start = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).minusHours(1);
    return """
        timezone: UTC
        overnight: "%s-%s"
        escalation: {escalateAfter: 1s, contactAfter: 2s, rewakeAfter: 1h, rampUp: 1s}
        storm: {count: 1000, within: 1s}
        reopenWithin: off
        """.formatted(start, start.minusMinutes(1)) + phone.channelsYaml();
  }

  static void afterKill(int iteration, Path data, PhoneLog phone, Map<Long, Long> acked, Duration ackNoticed,
      List<Long> kills) throws SQLException {
    List<Page> pages = phone.pages();
    assertThat(phone.unreadable()).as("pages that name no alert").isEmpty();
    for (Page p : pages) {
      Long ackedAt = acked.get(p.alertId());
      assertThat(ackedAt == null || p.receivedNanos() - ackedAt <= ackNoticed.toNanos())
          .as("%s page for alert %d %d ms after it was acknowledged (kill %d)", p.channel(), p.alertId(),
              ackedAt == null ? 0 : Duration.ofNanos(p.receivedNanos() - ackedAt).toMillis(), iteration)
          .isTrue();
    }
    Map<String, List<Page>> perStep = pages.stream()
        .collect(Collectors.groupingBy(p -> p.channel() + " for alert " + p.alertId()));
    perStep.forEach((step, copies) -> {
      for (int c = 1; c < copies.size(); c++) {
        long first = copies.get(c - 1).receivedNanos();
        long again = copies.get(c).receivedNanos();
        assertThat(kills).as("%s paged again (kill %d): only a page in flight at a kill, sent but not yet recorded, may be"
            + " sent again after the restart", step, iteration)
            .anyMatch(k -> k > first && k < again && k - first <= IN_FLIGHT.toNanos());
      }
    });
    for (Page contact : pages) {
      if (!contact.channel().equals(PhoneLog.WEBHOOK)) continue;
      assertThat(pages).as("the phone step before the contact of alert %d (kill %d)", contact.alertId(), iteration)
          .anyMatch(p -> p.channel().equals(PhoneLog.NTFY) && p.alertId() == contact.alertId());
    }
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigil.db"))) {
      assertThat(count(db, "SELECT count(*) FROM escalations e LEFT JOIN alerts a ON a.id = e.alert_id WHERE a.id IS NULL"))
          .as("escalation rows of no alert after kill %d", iteration).isZero();
      assertThat(count(db, "SELECT count(*) - count(DISTINCT alert_id) FROM escalations"))
          .as("duplicate escalation rows after kill %d", iteration).isZero();
    }
  }

  /** Acknowledged night alerts are resolved by hand (as {@code vigil resolve} would), so their monitors fire anew. */
  static void resolveAcknowledged(Path data, Collection<Long> acked) {
    try (SqliteStore cli = SqliteStore.open(data, Clock.systemUTC())) {
      for (Alert a : cli.openAlerts()) {
        if (acked.contains(a.id()) && a.state() == AlertState.ACKNOWLEDGED) cli.resolve(a.id(), "kill9", "cli:kill9", Instant.now());
      }
    }
  }

  /**
   * One more start, with nobody acknowledging: every night alert still firing must reach the phone and the contact,
   * once each, whatever step it was killed at. Returns the figures.
   */
  static String finalRun(Path data, Path rules, PhoneLog phone, Map<Long, Long> acked, Duration ackNoticed,
      List<Long> kills) throws Exception {
    Path log = data.resolve("child-final.log");
    Process child = ChildVigil.start(data, rules, log, List.of());
    List<Long> waiting = List.of();
    try {
      ChildVigil.awaitWatching(child, log, KillNineSuiteTest.START);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      do {
        Thread.sleep(200);
        waiting = unpaged(data, phone);
      } while (!waiting.isEmpty() && System.nanoTime() < deadline);
      Thread.sleep(2000); // a second page, if one were coming, would arrive now
    } finally {
      kills.add(System.nanoTime());
      child.destroyForcibly().waitFor();
    }
    assertThat(waiting).as("night alerts still firing whose ladder never reached the phone and the contact").isEmpty();
    afterKill(-1, data, phone, acked, ackNoticed, kills);
    List<Page> pages = phone.pages();
    Set<Long> alerts = pages.stream().map(Page::alertId).collect(Collectors.toSet());
    long inFlight = pages.stream().filter(p -> acked.containsKey(p.alertId()) && p.receivedNanos() > acked.get(p.alertId())).count();
    long steps = pages.stream().map(p -> p.channel() + p.alertId()).distinct().count();
    return "wake ladder: %d night alerts paged, %d ntfy pages, %d webhook contacts, %d night alerts acknowledged; "
        .formatted(alerts.size(), pages.stream().filter(p -> p.channel().equals(PhoneLog.NTFY)).count(),
            pages.stream().filter(p -> p.channel().equals(PhoneLog.WEBHOOK)).count(), acked.size())
        + "%d steps paged again after a kill caught them in flight, 0 otherwise; 0 contacts without the page; "
            .formatted(pages.size() - steps)
        + "0 pages later than %d ms after an acknowledgement (%d within it)%n".formatted(ackNoticed.toMillis(), inFlight);
  }

  /** Night alerts firing (not acknowledged) that have not had both their ntfy page and their webhook contact. */
  private static List<Long> unpaged(Path data, PhoneLog phone) {
    List<Page> pages = phone.pages();
    List<Long> out = new ArrayList<>();
    try (SqliteStore cli = SqliteStore.open(data, Clock.systemUTC())) {
      for (Alert a : cli.openAlerts()) {
        if (!a.monitor().startsWith("night-") || a.state() != AlertState.FIRING) continue;
        boolean paged = pages.stream().anyMatch(p -> p.alertId() == a.id() && p.channel().equals(PhoneLog.NTFY));
        boolean contacted = pages.stream().anyMatch(p -> p.alertId() == a.id() && p.channel().equals(PhoneLog.WEBHOOK));
        if (!paged || !contacted) out.add(a.id());
      }
    }
    return out;
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
