package dev.vigil.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRoutesTest {
  static final String HEADER = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n";
  static final String LOOPBACK_V6 =
      "00000000000000000000000000000001 80 00000000000000000000000000000000 00 00000000000000000000000000000000 00000000 00000002 00000000 80200001       lo\n"
      + "00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo\n";

  @TempDir Path proc;

  @Test
  void aDefaultRouteOnAnInterfaceMeansTheMachineHasANetwork() throws Exception {
    Files.writeString(proc.resolve("route"), HEADER + "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n");
    Files.writeString(proc.resolve("ipv6_route"), LOOPBACK_V6);
    assertThat(new LocalRoutes(proc).unusable()).isEmpty();
  }

  @Test
  void onlyLoopbackAndTheKernelsRejectRouteMeanNoNetwork() throws Exception {
    Files.writeString(proc.resolve("route"), HEADER);
    Files.writeString(proc.resolve("ipv6_route"), LOOPBACK_V6
        + "fe800000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000002 00000000 00000001     wlan0\n");
    assertThat(new LocalRoutes(proc).unusable()).isEqualTo(Optional.of("no route beyond loopback"));
  }

  @Test
  void anIpv6RouteAloneIsANetwork() throws Exception {
    Files.writeString(proc.resolve("route"), HEADER);
    Files.writeString(proc.resolve("ipv6_route"),
        "00000000000000000000000000000000 00 00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000002 00000000 00000003     eth0\n");
    assertThat(new LocalRoutes(proc).unusable()).isEmpty();
  }

  @Test
  void thisMachineHasANetworkWhileTheTestsRun() {
    assertThat(LocalRoutes.system().unusable()).as("the test machine reaches Maven Central").isEmpty();
  }
}
