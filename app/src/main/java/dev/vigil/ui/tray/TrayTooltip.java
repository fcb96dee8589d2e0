package dev.vigil.ui.tray;

import dev.vigil.alert.Alert;
import dev.vigil.policy.FlapDetector;
import dev.vigil.policy.OnCall;
import dev.vigil.ui.DeskSnapshot;
import dev.vigil.ui.Noise;
import dev.vigil.ui.Times;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The tray tooltip in words: "2 firing, 1 acknowledged (1 flapping), quiet until 07:00, on call until Mon 09:00", led
 * by what is wrong with Vigil itself ("Not watching: ...", "rules not reloaded: 2 problems, see `vigil status`"). An
 * alert is flapping here when it reopened {@link FlapDetector#REOPENS} times or more.
 */
public final class TrayTooltip {
  private TrayTooltip() {}

  public static String of(DeskSnapshot s, ZoneId zone) {
    List<String> parts = new ArrayList<>();
    if (!s.watch().watching()) parts.add("Not watching: " + s.watch().reason());
    if (s.watch().reloadWarning() != null) parts.add(s.watch().reloadWarning());
    int firing = 0;
    int acknowledged = 0;
    int snoozed = 0;
    int firingFlapping = 0;
    int acknowledgedFlapping = 0;
    for (Alert a : s.open()) {
      boolean flapping = a.reopens() >= FlapDetector.REOPENS;
      if (Noise.isFiring(a, s.at())) {
        firing++;
        if (flapping) firingFlapping++;
      } else if (a.snoozedUntil() != null && a.snoozedUntil().isAfter(s.at())) {
        snoozed++;
      } else if (a.isOpen()) {
        acknowledged++;
        if (flapping) acknowledgedFlapping++;
      }
    }
    if (firing > 0) parts.add(firing + " firing" + flapping(firingFlapping));
    if (acknowledged > 0) parts.add(acknowledged + " acknowledged" + flapping(acknowledgedFlapping));
    if (snoozed > 0) parts.add(snoozed + " snoozed");
    if (s.quiet().on()) {
      parts.add(s.quiet().until() == null ? "quiet" : "quiet until " + Times.clock(s.quiet().until(), s.at(), zone));
    }
    OnCall onCall = s.noise().onCall();
    String shift = null;
    if (!onCall.source().equals("always")) {
      OnCall.Status now = onCall.at(s.at());
      shift = OnCall.describe(now, zone) + (now.problem() == null ? "" : " (" + now.problem() + ")");
    }
    if (parts.isEmpty()) return shift == null ? "All well" : "All well, " + shift;
    if (shift != null) parts.add(shift);
    return String.join(", ", parts);
  }

  private static String flapping(int n) {
    return n == 0 ? "" : " (" + n + " flapping)";
  }
}
