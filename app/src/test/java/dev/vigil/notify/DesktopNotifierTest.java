package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;

/** A real D-Bus: a private dbus-daemon with a notification server played by the test. */
class DesktopNotifierTest {
  record Shown(String summary, String body, List<String> actions, Object urgency, int expire) {}

  @Test
  void anUrgentNotificationHasCriticalUrgencyAndItsAcknowledgeAndRunbookActionsCallBack() throws Exception {
    Process daemon;
    try {
      daemon = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1").start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "dbus-daemon is not installed");
      return;
    }
    try {
      String address = new BufferedReader(new InputStreamReader(daemon.getInputStream())).readLine().trim();
      List<Shown> shown = new CopyOnWriteArrayList<>();
      List<Long> acked = new CopyOnWriteArrayList<>();
      try (DBusConnection server = DBusConnectionBuilder.forAddress(address).build();
          DBusConnection client = DBusConnectionBuilder.forAddress(address).build()) {
        server.requestBusName(DesktopNotifier.BUS_NAME);
        server.exportObject(DesktopNotifier.PATH, new FreedesktopNotifications() {
          @Override
          public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
              List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
            shown.add(new Shown(summary, body, actions, hints.get("urgency").getValue(), expireTimeout));
            return new UInt32(42);
          }

          @Override
          public void CloseNotification(UInt32 id) {}

          @Override
          public String getObjectPath() {
            return DesktopNotifier.PATH;
          }
        });
        List<String> opened = new CopyOnWriteArrayList<>();
        DesktopNotifier notifier = DesktopNotifier.overDbus(client, acked::add, opened::add);
        notifier.send(new Message(7L, "CRITICAL payments-api", "status (503) == 200", true, null,
            "https://wiki.example/runbooks/payments"));
        assertThat(shown).containsExactly(new Shown("CRITICAL payments-api", "status (503) == 200",
            List.of("acknowledge", "Acknowledge", "runbook", "Open runbook"), (byte) 2, 0));
        server.sendMessage(new FreedesktopNotifications.ActionInvoked(DesktopNotifier.PATH, new UInt32(42), "runbook"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !opened.isEmpty());
        assertThat(opened).containsExactly("https://wiki.example/runbooks/payments");
        server.sendMessage(new FreedesktopNotifications.ActionInvoked(DesktopNotifier.PATH, new UInt32(42), "acknowledge"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !acked.isEmpty());
        assertThat(acked).containsExactly(7L);
      }
    } finally {
      daemon.destroy();
    }
  }
}
