package dev.vigil.ui;

import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A table column as wide as its title (bold) or the widest value it must show uncut, measured in the desktop's font at
 * the stylesheet's size, so that no state, time or number is cut to "…" whatever the desktop's font.
 */
public final class ColumnWidth {
  /** The stylesheet's font size (vigil.css: .root). */
  private static final double FONT_SIZE = 15;
  /** A cell's padding on both sides (vigil.css: .table-cell, 10 px each), its border, and a little air. */
  private static final double CELL_PADDING = 24;

  private ColumnWidth() {}

  /**
   * Sets the column's preferred and least width.
   *
   * @param extra room for what the cell shows beside its text (an icon), in pixels
   */
  public static void fit(TableColumn<?, ?> column, double extra, String... widest) {
    double width = textWidth(column.getText(), FontWeight.BOLD);
    for (String w : widest) width = Math.max(width, textWidth(w, FontWeight.NORMAL) + extra);
    column.setPrefWidth(width + CELL_PADDING);
    column.setMinWidth(width + CELL_PADDING);
  }

  private static double textWidth(String text, FontWeight weight) {
    Text t = new Text(text);
    t.setFont(Font.font(Font.getDefault().getFamily(), weight, FONT_SIZE));
    return Math.ceil(t.getLayoutBounds().getWidth());
  }
}
