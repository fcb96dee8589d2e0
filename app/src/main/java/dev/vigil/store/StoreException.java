package dev.vigil.store;

/** The data folder could not be opened, read or written. */
public final class StoreException extends RuntimeException {
  StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
