package dev.vigil.store;

import java.util.List;

/** One page of a keyset listing; {@code next} is null on the last page. */
public record Page<T>(List<T> items, HistoryQuery.Cursor next) {
  public Page {
    items = List.copyOf(items);
  }
}
