package dev.vigil.store;

import java.util.List;

/**
 * One page of a keyset listing, newest first; {@code next} is the cursor to read on in the query's direction (down
 * for {@link HistoryQuery#next}, up for {@link HistoryQuery#previous}), null when there is nothing more that way.
 */
public record Page<T>(List<T> items, HistoryQuery.Cursor next) {
  public Page {
    items = List.copyOf(items);
  }
}
