package dev.vigil.check;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real dnsmasq on a free loopback port, answering only what it is told ({@code --address}, {@code --mx-host},
 * ...) and NXDOMAIN for every other name in its local domains.
 */
final class DnsmasqServer implements AutoCloseable {
  private final Process process;
  private final Path log;
  final int port;

  DnsmasqServer(Path dir, String... records) throws Exception {
    Path dnsmasq = LocalTool.require("dnsmasq", "VIGIL_REQUIRE_DNSMASQ", "apt-get install -y dnsmasq");
    port = freeUdpAndTcpPort();
    log = dir.resolve("dnsmasq.log");
    List<String> command = new ArrayList<>(List.of(dnsmasq.toString(), "--keep-in-foreground", "--port=" + port,
        "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts", "--conf-file=/dev/null",
        "--pid-file=", "--log-facility=-"));
    command.addAll(List.of(records));
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    waitUntilAnswering();
  }

  private void waitUntilAnswering() throws Exception {
    SimpleResolver probe = new SimpleResolver(new java.net.InetSocketAddress("127.0.0.1", port));
    probe.setTimeout(java.time.Duration.ofMillis(200));
    Message query = Message.newQuery(Record.newRecord(Name.fromString("ready.invalid."), Type.A, DClass.IN));
    long until = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < until && process.isAlive()) {
      try {
        probe.send(query);
        return;
      } catch (java.io.IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("dnsmasq did not start: " + Files.readString(log));
  }

  private static int freeUdpAndTcpPort() throws Exception {
    for (int i = 0; i < 20; i++) {
      int port = LocalTool.freePort();
      try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (java.net.SocketException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port for dnsmasq");
  }

  String server() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
