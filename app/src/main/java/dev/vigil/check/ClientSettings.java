package dev.vigil.check;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** The OkHttp settings every check client shares: {@link HttpChecker}'s and {@link FloorLoop}'s. */
final class ClientSettings {
  private ClientSettings() {}

  /** At most {@code maxConcurrency} calls at once to any number of hosts; idle connections kept 5 minutes. */
  static OkHttpClient.Builder builder(int maxConcurrency) {
    if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency < 1: " + maxConcurrency);
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(maxConcurrency);
    dispatcher.setMaxRequestsPerHost(maxConcurrency);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(1000, 5, TimeUnit.MINUTES))
        // The per-call timeout alone bounds a check; these would cut a long one short with the wrong words.
        .connectTimeout(Duration.ZERO)
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO);
  }
}
