package dev.vigil.ui.inbox;

import dev.vigil.alert.Severity;
import dev.vigil.ui.Icons;
import javafx.scene.control.TableCell;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The severity column: its word and icon. A live update moves rows through the cells at every change, so the
 * icon node is made once per cell and only its glyph and style class change: a new graphic each time would
 * rebuild the cell's children and restyle them.
 */
final class SeverityCell extends TableCell<AlertRow, String> {
  private FontIcon icon;
  private Severity shown;

  @Override
  protected void updateItem(String item, boolean empty) {
    super.updateItem(item, empty);
    setText(empty ? null : item);
    if (empty || item == null) {
      if (icon != null) icon.setVisible(false);
      return;
    }
    Severity s = Severity.parse(item).orElse(Severity.INFO);
    if (icon == null) {
      icon = Icons.severity(s);
      setGraphic(icon);
    } else if (s != shown) {
      FontIcon model = Icons.severity(s);
      icon.setIconCode(model.getIconCode());
      icon.getStyleClass().setAll(model.getStyleClass());
    }
    shown = s;
    icon.setVisible(true);
  }
}
