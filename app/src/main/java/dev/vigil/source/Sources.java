package dev.vigil.source;

import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertListener;
import dev.vigil.alert.Intake;
import dev.vigil.http.Web;
import dev.vigil.rules.SourceRule;
import dev.vigil.store.AlertDesk;
import dev.vigil.store.IntakeStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every Alertmanager source of the rules, each polling on its own thread with its silencer. Add it as an
 * {@link AlertListener} of the engine (it hands each change to the silencers) and {@link #reload} it with the
 * rules: a source whose rule changed restarts, one removed stops (its alerts stay until resolved by hand).
 */
public final class Sources implements AlertListener, AutoCloseable {
  private final Intake intake;
  private final AlertDesk store;
  private final IntakeStore intakeStore;
  private final Web web;
  private final Duration silenceFor;
  private final Clock clock;
  private final Map<String, Running> running = new LinkedHashMap<>();

  private record Running(SourceRule rule, AlertmanagerSource source, AlertmanagerSilencer silencer) {
    void close() {
      source.close();
      silencer.close();
    }
  }

  private Sources(Intake intake, AlertDesk store, IntakeStore intakeStore, Web web, Duration silenceFor, Clock clock) {
    this.intake = intake;
    this.store = store;
    this.intakeStore = intakeStore;
    this.web = web;
    this.silenceFor = silenceFor;
    this.clock = clock;
  }

  /**
   * Starts polling every source.
   *
   * @param web the process's one outbound HTTP client, shared by every source and silencer
   * @param silenceFor how long an acknowledgement silences in Alertmanager ({@link AlertmanagerSilencer#DEFAULT_SILENCE})
   */
  public static Sources start(
      List<SourceRule> rules, Intake intake, AlertDesk store, IntakeStore intakeStore, Web web, Duration silenceFor, Clock clock) {
    Sources sources = new Sources(intake, store, intakeStore, web, silenceFor, clock);
    sources.reload(rules);
    return sources;
  }

  /** Makes the running sources those of {@code rules}. */
  public synchronized void reload(List<SourceRule> rules) {
    Map<String, SourceRule> next = new LinkedHashMap<>();
    for (SourceRule rule : rules) next.put(rule.id(), rule);
    running.entrySet().removeIf(e -> {
      SourceRule wanted = next.get(e.getKey());
      if (wanted != null && same(wanted, e.getValue().rule())) return false;
      e.getValue().close();
      return true;
    });
    for (SourceRule rule : next.values()) {
      if (running.containsKey(rule.id())) continue;
      AlertmanagerSource source = new AlertmanagerSource(rule, intake, store, web, clock);
      AlertmanagerSilencer silencer = new AlertmanagerSilencer(rule, store, intakeStore, web, silenceFor, clock);
      running.put(rule.id(), new Running(rule, source, silencer));
      source.start();
    }
  }

  private static boolean same(SourceRule a, SourceRule b) {
    return a.alertmanager().equals(b.alertmanager()) && a.interval().equals(b.interval())
        && a.matchers().equals(b.matchers()) && a.labels().equals(b.labels());
  }

  @Override
  public void onChange(AlertChange change) {
    List<Running> now;
    synchronized (this) {
      now = new ArrayList<>(running.values());
    }
    for (Running r : now) r.silencer().onChange(change);
  }

  /**
   * Why sources cannot be read right now, one line each (e.g. {@code alertmanager team (http://127.0.0.1:9093):
   * GET /api/v2/alerts: connection refused}); empty while all are read.
   */
  public synchronized List<String> problems() {
    List<String> out = new ArrayList<>();
    for (Running r : running.values()) r.source().problem().ifPresent(out::add);
    return out;
  }

  /** Each source read now, in the rules' order, with why it cannot be read (or null while it is). */
  public synchronized Map<SourceRule, String> states() {
    Map<SourceRule, String> out = new LinkedHashMap<>();
    for (Running r : running.values()) out.put(r.rule(), r.source().problem().orElse(null));
    return out;
  }

  /**
   * {@code vigil silence add --match K=V... --for D --comment C}: a silence in every Alertmanager source.
   * Returns source id to silence id, or to the error for a source that refused or could not be reached.
   */
  public Map<String, String> silenceMatching(Map<String, String> matchers, Duration duration, String comment) {
    List<Running> now;
    synchronized (this) {
      now = new ArrayList<>(running.values());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Running r : now) {
      try {
        out.put(r.rule().id(), r.silencer().silenceMatching(matchers, duration, comment));
      } catch (IOException | RuntimeException e) {
        out.put(r.rule().id(), "error: " + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
      }
    }
    return out;
  }

  @Override
  public synchronized void close() {
    running.values().forEach(Running::close);
    running.clear();
  }
}
