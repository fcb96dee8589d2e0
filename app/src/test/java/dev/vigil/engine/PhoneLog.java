package dev.vigil.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * What the phone received: a loopback server standing in for ntfy ({@code POST /oncall}; Vigil's subscription to the
 * reply topic, {@code GET /oncall-ack/json}, is answered and not counted) and the webhook contact ({@code POST /hook}),
 * recording each page with the alert it was about and when it arrived.
 */
final class PhoneLog implements AutoCloseable {
  static final String NTFY = "ntfy";
  static final String WEBHOOK = "webhook";
  private static final Pattern NTFY_ALERT = Pattern.compile("\\(vigil ack (\\d+)\\)");
  private static final Pattern WEBHOOK_ALERT = Pattern.compile("\"alertId\"\\s*:\\s*(\\d+)");

  /** One page: which channel, about which alert, received at {@code System.nanoTime()}. */
  record Page(String channel, long alertId, long receivedNanos) {}

  private final MockWebServer server = new MockWebServer();
  private final List<Page> pages = new ArrayList<>();
  private final List<String> unreadable = new ArrayList<>();

  PhoneLog() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        long at = System.nanoTime();
        if ("GET".equals(r.getMethod()) && r.getTarget().contains("/json")) {
          // Vigil subscribing to the reply topic (ntfy's JSON stream): no page; answered as ntfy opens a stream.
          return new MockResponse.Builder().code(200).body("{\"id\":\"o1\",\"time\":1,\"event\":\"open\",\"topic\":\"oncall-ack\"}\n").build();
        }
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        boolean hook = r.getTarget().startsWith("/hook");
        Matcher m = (hook ? WEBHOOK_ALERT : NTFY_ALERT).matcher(body);
        synchronized (pages) {
          if (m.find()) pages.add(new Page(hook ? WEBHOOK : NTFY, Long.parseLong(m.group(1)), at));
          else unreadable.add(r.getTarget() + " " + body);
        }
        return new MockResponse.Builder().code(200).body("{}").build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  /** The {@code channels:} part of a policy.yaml that pages this server. */
  String channelsYaml() {
    String base = server.url("/").toString().replaceAll("/$", "");
    return """
        channels:
          ntfy: {url: "%s", topic: oncall}
          webhook: {url: "%s/hook"}
        """.formatted(base, base);
  }

  List<Page> pages() {
    synchronized (pages) {
      return List.copyOf(pages);
    }
  }

  List<String> unreadable() {
    synchronized (pages) {
      return List.copyOf(unreadable);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
