package dev.vigil.report;

import dev.vigil.policy.FlapDetector;
import dev.vigil.store.NoiseFacts;
import dev.vigil.store.NoiseFacts.Incident;
import dev.vigil.store.NoiseFacts.Kind;
import dev.vigil.store.NoiseFacts.Noise;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The noise report: per night, what woke the person (alarms, pages) and how much of it was for nothing (the incident
 * healed itself before anyone acknowledged it); per monitor, how noisy it was and a suggestion computed from those
 * figures. Pure: the facts come from the store, the time zone and each monitor's {@code confirm} from the rules.
 *
 * <p>A night is named by the date of its evening: noise from noon to noon the next day counts for that night.
 *
 * <p>A "confirm c -> c+k" suggestion is replayed over the stored incidents: a monitor fires after {@code c}
 * failing checks in a row and folds each further failure into its alert's count, so an incident whose count is at
 * most {@code k} (and which never reopened) would not have fired at all with {@code c+k}. It names the smallest
 * {@code k} that spares at least three quarters of the self-healed incidents (or all of those that can be replayed),
 * and the alarms those had made.
 */
public final class NoiseReport {
  /** A monitor whose incidents healed themselves at least this often (and at least half the time) gets a confirm suggestion. */
  static final int HEALED_AT_LEAST = 3;
  /** A warning or info monitor that fired at least this often gets a "fired N times" suggestion. */
  static final int CHATTY_FIRES = 10;
  static final int MAX_EXTRA_CONFIRM = 4;

  public record Night(LocalDate date, int alarms, int pages, int wokenForNothing) {}

  public record MonitorRow(String monitor, String severity, int fires, long reopens, int flapping, int selfHealed,
      int alarms, int pages, double medianMinutes, String suggestion) {}

  public record Report(Instant since, Instant until, List<Night> nights, List<MonitorRow> monitors) {}

  private NoiseReport() {}

  /**
   * @param confirm each monitor's {@code confirm} from the rules; a monitor absent from it is named without its number
   */
  public static Report of(NoiseFacts facts, Instant since, Instant until, ZoneId zone, Map<String, Integer> confirm) {
    Map<Long, Incident> byId = new HashMap<>();
    for (Incident i : facts.incidents()) byId.put(i.id(), i);
    Map<Long, int[]> noiseOf = new HashMap<>(); // alert id -> {alarms, pages}
    TreeMap<LocalDate, int[]> nights = new TreeMap<>(); // date -> {alarms, pages, woken for nothing}
    for (LocalDate d = nightOf(since, zone); !d.isAfter(nightOf(until.minusMillis(1), zone)); d = d.plusDays(1)) {
      nights.put(d, new int[3]);
    }
    for (Noise n : facts.noises()) {
      int[] perAlert = noiseOf.computeIfAbsent(n.alertId(), id -> new int[2]);
      int[] night = nights.computeIfAbsent(nightOf(n.time(), zone), d -> new int[3]);
      if (n.kind() == Kind.ALARM) {
        perAlert[0]++;
        night[0]++;
        Incident i = byId.get(n.alertId());
        if (i != null && i.selfHealed()) night[2]++;
      } else {
        perAlert[1]++;
        night[1]++;
      }
    }
    List<Night> nightRows = new ArrayList<>();
    nights.forEach((d, c) -> nightRows.add(new Night(d, c[0], c[1], c[2])));

    Map<String, List<Incident>> byMonitor = new TreeMap<>();
    for (Incident i : facts.incidents()) byMonitor.computeIfAbsent(i.monitor(), m -> new ArrayList<>()).add(i);
    List<MonitorRow> rows = new ArrayList<>();
    byMonitor.forEach((monitor, incidents) -> rows.add(row(monitor, incidents, noiseOf, until, since, confirm.get(monitor))));
    rows.sort((a, b) -> a.alarms() != b.alarms() ? Integer.compare(b.alarms(), a.alarms())
        : a.fires() != b.fires() ? Integer.compare(b.fires(), a.fires()) : a.monitor().compareTo(b.monitor()));
    return new Report(since, until, nightRows, rows);
  }

  /**
   * The report in a few lines for the History view: the totals, the three noisiest monitors, the suggestions.
   * "Noise: 14 alarms and 2 pages over 7 nights, 12 for nothing (healed before anyone acknowledged)".
   */
  public static String summary(Report r) {
    int alarms = 0;
    int pages = 0;
    int forNothing = 0;
    for (Night n : r.nights()) {
      alarms += n.alarms();
      pages += n.pages();
      forNothing += n.wokenForNothing();
    }
    StringBuilder text = new StringBuilder("Noise: " + alarms + (alarms == 1 ? " alarm" : " alarms") + " and " + pages
        + (pages == 1 ? " page" : " pages") + " over " + r.nights().size() + (r.nights().size() == 1 ? " night" : " nights"));
    if (alarms > 0) text.append(", ").append(forNothing).append(" for nothing (healed before anyone acknowledged)");
    List<String> noisiest = r.monitors().stream().filter(m -> m.alarms() + m.pages() > 0).limit(3)
        .map(m -> m.monitor() + " (" + m.alarms() + " alarms, " + m.selfHealed() + " of " + (m.fires() - m.reopens())
            + " self-healed" + (m.reopens() > 0 ? ", " + m.reopens() + " reopens" : "") + ")")
        .toList();
    if (!noisiest.isEmpty()) text.append("\nNoisiest: ").append(String.join(", ", noisiest));
    r.monitors().stream().map(MonitorRow::suggestion).filter(x -> x != null).forEach(x -> text.append("\nSuggestion: ").append(x));
    return text.toString();
  }

  static LocalDate nightOf(Instant t, ZoneId zone) {
    return t.atZone(zone).minusHours(12).toLocalDate();
  }

  private static MonitorRow row(String monitor, List<Incident> incidents, Map<Long, int[]> noiseOf, Instant until,
      Instant since, Integer confirm) {
    long reopens = 0;
    int flapping = 0;
    int healed = 0;
    int alarms = 0;
    int pages = 0;
    List<Double> minutes = new ArrayList<>();
    for (Incident i : incidents) {
      reopens += i.reopens();
      if (i.reopens() >= FlapDetector.REOPENS) flapping++;
      if (i.selfHealed()) healed++;
      int[] n = noiseOf.getOrDefault(i.id(), new int[2]);
      alarms += n[0];
      pages += n[1];
      Instant end = i.resolvedAt() != null ? i.resolvedAt() : until;
      minutes.add(Duration.between(i.firstSeen(), end).toMillis() / 60_000.0);
    }
    int fires = (int) (incidents.size() + reopens);
    String severity = incidents.get(incidents.size() - 1).severity();
    String suggestion = suggestion(monitor, severity, incidents, healed, fires, noiseOf, since, until, confirm);
    return new MonitorRow(monitor, severity, fires, reopens, flapping, healed, alarms, pages, median(minutes), suggestion);
  }

  static String suggestion(String monitor, String severity, List<Incident> incidents, int healed, int fires,
      Map<Long, int[]> noiseOf, Instant since, Instant until, Integer confirm) {
    if (healed >= HEALED_AT_LEAST && healed * 2 >= incidents.size()) {
      List<Incident> replayable = incidents.stream().filter(i -> i.selfHealed() && i.reopens() == 0).toList();
      // Three quarters of the self-healed incidents, or as many as can be replayed (reopened ones cannot).
      int want = Math.max(1, Math.min((int) Math.ceil(healed * 0.75), replayable.size()));
      for (int k = 1; k <= MAX_EXTRA_CONFIRM; k++) {
        final int extra = k;
        List<Incident> spared = replayable.stream().filter(i -> i.count() <= extra).toList();
        if (spared.size() < want && k < MAX_EXTRA_CONFIRM) continue;
        if (spared.isEmpty()) break;
        int sparedAlarms = spared.stream().mapToInt(i -> noiseOf.getOrDefault(i.id(), new int[2])[0]).sum();
        long longest = incidents.stream().filter(Incident::selfHealed)
            .mapToLong(i -> Duration.between(i.firstSeen(), i.resolvedAt()).toMillis()).max().orElse(0);
        String change = confirm == null ? "confirm +" + k : "confirm " + confirm + " -> " + (confirm + k);
        String what = sparedAlarms > 0 ? sparedAlarms + (sparedAlarms == 1 ? " alarm" : " alarms")
            : spared.size() + (spared.size() == 1 ? " fire" : " fires");
        return monitor + " self-healed " + healed + " of " + incidents.size() + " times within "
            + (longest + 59_999) / 60_000 + " min: " + change + " would have spared " + what;
      }
    }
    if (!severity.equals("critical") && fires >= CHATTY_FIRES) {
      long days = Math.max(1, Math.round(Duration.between(since, until).toHours() / 24.0));
      return monitor + " (" + severity + ") fired " + fires + " times " + (days == 7 ? "this week" : "in " + days + " days");
    }
    return null;
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) return 0;
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return Math.round(m * 10) / 10.0;
  }
}
