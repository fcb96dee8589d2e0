package dev.vigil.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code tcp: host:port}: connects; with {@code send}, writes that line (ending in CRLF); when a condition looks
 * at the banner, reads the first line the server sends (at most {@link #BANNER_CAP} bytes).
 */
final class TcpChecker implements Checker {
  static final int BANNER_CAP = 4096;

  private final BlockingChecks blocking;

  TcpChecker(Clock clock) {
    this.blocking = new BlockingChecks(clock, "vigil-tcp");
  }

  @Override
  public CompletableFuture<Observation> check(CheckRequest request) {
    Target.Tcp tcp = (Target.Tcp) request.target();
    return blocking.run(request, tcp.host(), probe -> observe(probe, tcp));
  }

  private static Observation observe(Probe probe, Target.Tcp tcp) throws IOException {
    InetAddress address = InetAddress.getByName(tcp.host());
    try (Socket socket = probe.hold(new Socket())) {
      socket.connect(new InetSocketAddress(address, tcp.port()), probe.remainingMillis());
      if (tcp.send() != null) {
        socket.getOutputStream().write((tcp.send() + "\r\n").getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
      }
      String banner = null;
      if (probe.request.readBody()) {
        socket.setSoTimeout(probe.remainingMillis());
        banner = firstLine(socket.getInputStream(), (int) Math.min(BANNER_CAP, probe.request.bodyCap()));
      }
      return new Observation(probe.at, null, null, -1, probe.elapsed(), Map.of(), null, false, null, null, banner,
          null, null);
    }
  }

  /** Up to the first line feed, the end of the stream or {@code cap} bytes, without the line ending. */
  static String firstLine(InputStream in, int cap) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n' && line.size() < cap; b = in.read()) line.write(b);
    String text = line.toString(StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  @Override
  public void close() {
    blocking.close();
  }
}
