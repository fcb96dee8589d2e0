package dev.vigil.check;

import java.util.concurrent.CompletableFuture;

/**
 * Makes one check. Implementations never block the caller and always complete the future, with a
 * failed {@link Observation} rather than an exception, within the request's timeout plus a small margin.
 */
public interface Checker extends AutoCloseable {
  CompletableFuture<Observation> check(CheckRequest request);

  @Override
  default void close() {}
}
