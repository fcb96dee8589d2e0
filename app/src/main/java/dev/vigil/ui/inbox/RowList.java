package dev.vigil.ui.inbox;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The inbox's rows as the table sees them: read-only from outside, changed only by {@link #apply} of a batch of
 * {@link RowDiff} steps, which the listeners (filter, table, selection) hear as one change.
 */
final class RowList extends ObservableListBase<AlertRow> {
  private final ArrayList<AlertRow> rows = new ArrayList<>();

  @Override
  public AlertRow get(int index) {
    return rows.get(index);
  }

  @Override
  public int size() {
    return rows.size();
  }

  void apply(List<RowDiff.Step> batch) {
    if (batch.isEmpty()) return;
    beginChange();
    try {
      for (RowDiff.Step step : batch) {
        if (step.size() == 0) continue;
        if (step instanceof RowDiff.Remove r) {
          List<AlertRow> gone = rows.subList(r.from(), r.to());
          List<AlertRow> removed = new ArrayList<>(gone);
          gone.clear();
          nextRemove(r.from(), removed);
        } else if (step instanceof RowDiff.Insert a) {
          rows.addAll(a.at(), a.rows());
          nextAdd(a.at(), a.at() + a.rows().size());
        } else if (step instanceof RowDiff.Replace p) {
          List<AlertRow> removed = new ArrayList<>(rows.subList(p.at(), p.at() + p.rows().size()));
          for (int i = 0; i < p.rows().size(); i++) rows.set(p.at() + i, p.rows().get(i));
          nextReplace(p.at(), p.at() + p.rows().size(), removed);
        }
      }
    } finally {
      endChange();
    }
  }
}
