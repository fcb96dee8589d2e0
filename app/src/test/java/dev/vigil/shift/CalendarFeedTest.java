package dev.vigil.shift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.policy.OnCall;
import dev.vigil.config.Location;
import dev.vigil.policy.OncallSpec;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A calendar feed over real HTTP on 127.0.0.1 that works, then breaks, then goes away. */
class CalendarFeedTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Monday 2026-03-23 12:00 in Berlin: Alice's shift runs 14:00 Monday to 14:00 Tuesday. */
  final Clock clock = Clock.fixed(CalendarShiftsTest.berlin("2026-03-23T12:00"), BERLIN);
  @TempDir Path data;
  final MockWebServer server = new MockWebServer();
  final AtomicInteger status = new AtomicInteger(200);
  String body;

  @AfterEach
  void stop() {
    server.close();
  }

  CalendarFeed feed() throws Exception {
    body = CalendarShiftsTest.ics();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return new MockResponse.Builder().code(status.get()).body(status.get() == 200 ? body : "<html>oops</html>").build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    String url = "http://127.0.0.1:" + server.getPort() + "/private/s3cret/platform.ics?token=abc";
    return new CalendarFeed(new OncallSpec(url, "alice", Duration.ofHours(1), null, Map.of(), new Location(Path.of("policy.yaml"), 1, 1)),
        data, BERLIN, clock);
  }

  @Test
  void aGoodFeedIsReadAndKeptThenABrokenOneLeavesTheLastGoodCopyInForceAndSaysSo() throws Exception {
    CalendarFeed feed = feed();
    String where = "http://127.0.0.1:" + server.getPort() + "/.../platform.ics"; // the secret part of the URL is never shown
    OnCall.Status good = feed.refresh(true).at(clock.instant());
    assertThat(OnCall.describe(good, BERLIN)).isEqualTo("off call, next shift Mon 14:00");
    assertThat(good.problem()).isNull();
    assertThat(data.resolve("oncall-calendar.ics")).hasContent(body);
    Files.setLastModifiedTime(data.resolve("oncall-calendar.ics"), FileTime.from(CalendarShiftsTest.berlin("2026-03-23T11:00")));

    status.set(503);
    OnCall.Status broken = feed.refresh(true).at(clock.instant());
    assertThat(OnCall.describe(broken, BERLIN)).as("the last good copy still answers").isEqualTo("off call, next shift Mon 14:00");
    assertThat(broken.problem()).isEqualTo("calendar " + where + ": HTTP 503; using the last good copy from 2026-03-23 11:00");

    status.set(200);
    body = "<html>this is not a calendar</html>";
    OnCall.Status garbage = feed.refresh(true).at(clock.instant());
    assertThat(garbage.problem()).startsWith("calendar " + where + ": not an iCalendar feed: ")
        .endsWith("; using the last good copy from 2026-03-23 11:00");
    assertThat(data.resolve("oncall-calendar.ics")).as("a bad feed never replaces the good copy").hasContent(CalendarShiftsTest.ics());
  }

  @Test
  void aFeedThatGoesAwayWithNoGoodCopyLeavesThePersonOnCall() throws Exception {
    CalendarFeed feed = feed();
    String where = "http://127.0.0.1:" + server.getPort() + "/.../platform.ics"; // the secret part of the URL is never shown
    assertThat(feed.refresh(false).at(clock.instant()).problem()).isNull();
    assertThat(data.resolve("oncall-calendar.ics")).as("the command line keeps nothing").doesNotExist();
    server.close();
    OnCall.Status gone = feed.refresh(true).at(clock.instant());
    assertThat(gone.onCall()).as("never off call by mistake").isTrue();
    assertThat(gone.problem()).isEqualTo("calendar " + where + ": connection refused; no good copy: treated as on call");
    assertThat(OnCall.describe(gone, BERLIN)).isEqualTo("on call");
  }
}
