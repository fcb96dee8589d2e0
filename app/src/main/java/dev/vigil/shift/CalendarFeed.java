package dev.vigil.shift;

import dev.vigil.policy.OnCall;
import dev.vigil.policy.OncallSpec;
import dev.vigil.http.Web;
import dev.vigil.http.WebRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The person's shifts from an iCalendar feed (an http(s) URL or a file). Each {@link #refresh} fetches it (bounded by a
 * timeout) and reads it; a good copy is kept in the data folder ({@value #CACHE}). A feed that cannot be fetched or read
 * leaves the last good copy in force and says so; with no good copy at all the person is on call, never off.
 */
public final class CalendarFeed {
  private static final Logger log = LoggerFactory.getLogger(CalendarFeed.class);
  static final String CACHE = "oncall-calendar.ics";
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** The one HTTP stack (OkHttp) with the feed's bound on connecting and on the whole fetch. */
  private static final Web WEB = Web.create().timeouts(TIMEOUT, TIMEOUT);
  static final long MAX_BYTES = 8L << 20;
  /** Shifts are expanded this far back and ahead of now; the hourly refresh moves the window on. */
  static final Duration BACK = Duration.ofDays(7);
  static final Duration AHEAD = Duration.ofDays(62);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final OncallSpec spec;
  private final Path dataDir;
  private final ZoneId zone;
  private final Clock clock;

  public CalendarFeed(OncallSpec spec, Path dataDir, ZoneId zone, Clock clock) {
    this.spec = spec;
    this.dataDir = dataDir;
    this.zone = zone;
    this.clock = clock;
  }

  /**
   * Fetches and reads the feed. With {@code keep}, a good copy replaces the one in the data folder (the running
   * Vigil); without, nothing is written ({@code vigil oncall} only reads).
   */
  public OnCall refresh(boolean keep) {
    Instant now = clock.instant();
    String problem;
    try {
      String ics = fetch();
      List<OnCall.Shift> shifts = CalendarShifts.read(ics, spec.match(), now.minus(BACK), now.plus(AHEAD), zone);
      if (keep) save(ics);
      return OnCall.calendar(shifts, null, OnCall.levels(spec));
    } catch (IOException | CalendarShifts.BadCalendar e) {
      problem = "calendar " + display() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = "calendar " + display() + ": interrupted";
    }
    return lastGoodCopy(now, problem);
  }

  private OnCall lastGoodCopy(Instant now, String problem) {
    Path cache = dataDir.resolve(CACHE);
    try {
      if (Files.isRegularFile(cache)) {
        String ics = Files.readString(cache, StandardCharsets.UTF_8);
        List<OnCall.Shift> shifts = CalendarShifts.read(ics, spec.match(), now.minus(BACK), now.plus(AHEAD), zone);
        String from = WHEN.format(Files.getLastModifiedTime(cache).toInstant().atZone(zone));
        log.warn("{}; using the last good copy from {}", problem, from);
        return OnCall.calendar(shifts, problem + "; using the last good copy from " + from, OnCall.levels(spec));
      }
    } catch (IOException | CalendarShifts.BadCalendar e) {
      log.warn("the last good copy {} cannot be read: {}", cache, e.getMessage());
    }
    log.warn("{}; no good copy: treated as on call", problem);
    return OnCall.calendar(null, problem + "; no good copy: treated as on call", OnCall.levels(spec));
  }

  private String fetch() throws IOException, InterruptedException {
    if (!spec.isCalendarUrl()) {
      Path file = Path.of(spec.calendar());
      if (Files.size(file) > MAX_BYTES) throw new IOException("larger than 8 MiB");
      return Files.readString(file, StandardCharsets.UTF_8);
    }
    Web.Reply response;
    try {
      response = WEB.send(WebRequest.get(spec.calendar()).header("Accept", "text/calendar"));
    } catch (java.io.InterruptedIOException e) {
      throw new IOException("timed out after " + TIMEOUT.toSeconds() + "s");
    } catch (java.net.ConnectException e) {
      throw new IOException("connection refused");
    }
    if (response.status() != 200) throw new IOException("HTTP " + response.status());
    if (response.body().length() > MAX_BYTES) throw new IOException("larger than 8 MiB");
    return response.body();
  }

  private void save(String ics) {
    try {
      Files.createDirectories(dataDir);
      Path tmp = dataDir.resolve(CACHE + ".tmp");
      Files.writeString(tmp, ics, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, dataDir.resolve(CACHE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dataDir.resolve(CACHE), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      log.warn("cannot keep the calendar in {}: {}", dataDir, e.getMessage());
    }
  }

  /**
   * The feed safe to show: scheme, host and the file name only. Private calendar URLs carry their secret in the path
   * (Google's {@code /private-KEY/basic.ics}) or the query.
   */
  String display() {
    if (!spec.isCalendarUrl()) return spec.calendar();
    try {
      URI u = URI.create(spec.calendar());
      String path = u.getRawPath() == null ? "" : u.getRawPath();
      String name = path.substring(path.lastIndexOf('/') + 1);
      return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort())
          + (path.indexOf('/', 1) > 0 ? "/.../" : "/") + name;
    } catch (RuntimeException e) {
      return "(invalid url)";
    }
  }
}
