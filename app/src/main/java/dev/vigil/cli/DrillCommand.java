package dev.vigil.cli;

import dev.vigil.http.Web;
import dev.vigil.notify.AudioCheck;
import dev.vigil.notify.Channel;
import dev.vigil.notify.DesktopNotifier;
import dev.vigil.notify.Message;
import dev.vigil.notify.NtfyChannel;
import dev.vigil.notify.PushoverChannel;
import dev.vigil.notify.SoundPlayer;
import dev.vigil.policy.Notification;
import dev.vigil.policy.Outcome;
import dev.vigil.policy.Policy;
import dev.vigil.config.RuleProblem;
import java.nio.file.Path;
import dev.vigil.store.PolicyStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vigil drill}: can Vigil reach you? Tests the audio output (a muted or missing sink), desktop
 * notifications and the phone channels, and records each result as a notification on channel "drill".
 */
@Command(name = "drill", description = "Test the sound output, desktop notifications and phone channels; records the results.")
public final class DrillCommand implements Callable<Integer> {
  @Mixin DataDirOption data;
  @Mixin RulesDirOption rules;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Path dataDir = data.writable();
    PolicyFiles.Read policy = PolicyFiles.read(rules.resolve());
    List<Notification> results = new ArrayList<>();
    results.add(audio());
    results.add(desktop());
    results.addAll(phone(policy));
    try (PolicyStore store = PolicyStore.openMigrated(dataDir)) {
      results.forEach(store::record);
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean ok = true;
    for (Notification n : results) {
      out.printf("%-8s %-10s %s%n", n.level(), n.outcome().label(), n.reason());
      ok &= n.outcome() != Outcome.FAILED;
    }
    out.flush();
    return ok ? 0 : 1;
  }

  private static Notification audio() {
    Optional<String> problem = AudioCheck.problem();
    if (problem.isPresent()) return drill("audio", Outcome.FAILED, problem.get());
    SoundPlayer player = new SoundPlayer();
    player.chime();
    sleep(900);
    return drill("audio", Outcome.SENT, "chime played on the default output");
  }

  private static Notification desktop() {
    try (DesktopNotifier d = DesktopNotifier.create(id -> {})) {
      d.send(new Message(null, "Vigil drill", "If you can read this, desktop notifications work.", false));
      return drill("desktop", d.method().equals("log") ? Outcome.FAILED : Outcome.SENT,
          d.method().equals("log") ? "no notification service (neither D-Bus nor notify-send)" : "shown via " + d.method());
    } catch (IOException e) {
      return drill("desktop", Outcome.FAILED, e.getMessage());
    }
  }

  private static List<Notification> phone(PolicyFiles.Read parsed) {
    Policy policy = parsed.policy();
    Map<String, Channel> channels = new LinkedHashMap<>();
    Web web = Web.create();
    if (policy.channels().ntfy() != null) channels.put("ntfy", new NtfyChannel(policy.channels().ntfy(), web));
    if (policy.channels().pushover() != null) channels.put("pushover", new PushoverChannel(policy.channels().pushover(), web));
    List<String> broken = parsed.problems().stream().map(RuleProblem::format).filter(p -> p.contains("channels.")).toList();
    if (!broken.isEmpty()) {
      // A phone channel that does not load (an unset ${env:}, a typo) is the cause, not "none configured".
      return broken.stream().map(p -> drill("phone", Outcome.FAILED, "policy.yaml is broken: " + p)).toList();
    }
    if (!parsed.problems().isEmpty() && channels.isEmpty()) {
      return List.of(drill("phone", Outcome.FAILED, "policy.yaml is broken (see vigil validate): " + parsed.problems().get(0).format()));
    }
    if (channels.isEmpty()) return List.of(drill("phone", Outcome.SUPPRESSED, "no phone channel configured in policy.yaml"));
    List<Notification> out = new ArrayList<>();
    channels.forEach((name, c) -> {
      try {
        c.send(new Message(null, "Vigil drill", "If this reached your phone, Vigil can page you.", false));
        out.add(drill("phone", Outcome.SENT, name + ": test message sent"));
      } catch (IOException e) {
        out.add(drill("phone", Outcome.FAILED, name + ": " + e.getMessage()));
      }
    });
    return out;
  }

  private static Notification drill(String what, Outcome outcome, String reason) {
    return new Notification(Instant.now(), null, "drill", what, outcome, reason);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
