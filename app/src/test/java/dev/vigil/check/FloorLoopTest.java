package dev.vigil.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.fleet.LoopbackFleet;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The floor {@code vigil bench} measures against: real requests to a real loopback service, slot by slot. */
class FloorLoopTest {

  @Test
  void aBurstReachesEveryEndpointAndTheLoopRepeatsEachSlotEveryInterval() throws Exception {
    try (LoopbackFleet fleet = LoopbackFleet.start();
        FloorLoop floor = new FloorLoop(Duration.ofSeconds(5))) {
      List<String> urls = List.of(fleet.url("a"), fleet.url("b"), fleet.url("c"));

      assertThat(floor.burst(urls, Duration.ofSeconds(10))).isTrue();
      assertThat(floor.completed()).isZero(); // the burst's requests are not the loop's
      floor.start(Map.of(0L, urls.subList(0, 2), 100L, urls.subList(2, 3)), Duration.ofMillis(200));

      await().atMost(10, TimeUnit.SECONDS).until(() -> floor.completed() >= 15);
      assertThat(floor.failed()).isZero();
      assertThat(fleet.hits("a")).isGreaterThanOrEqualTo(5);
      assertThat(fleet.hits("c")).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void aRefusedConnectionCountsAsAFailedRequest() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (FloorLoop floor = new FloorLoop(Duration.ofSeconds(2))) {
      floor.start(Map.of(0L, List.of("http://127.0.0.1:" + closed + "/svc/gone")), Duration.ofMillis(200));

      await().atMost(10, TimeUnit.SECONDS).until(() -> floor.failed() >= 2);
      assertThat(floor.completed()).isGreaterThanOrEqualTo(floor.failed());
    }
  }
}
