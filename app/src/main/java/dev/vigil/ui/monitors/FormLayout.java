package dev.vigil.ui.monitors;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableMap;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The add form's grids (label, input, label, input, the same widths in each so they line up) and its inputs, each
 * with its problem under it: the input takes the {@code :error} pseudo-class (styled in vigil.css) and a line in
 * the {@code field-problem} style says why, while {@link AddMonitorViewModel#fieldProblems} holds one for its field.
 */
final class FormLayout {
  static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
  private static final double LABEL_WIDTH = 104;

  private FormLayout() {}

  static GridPane grid() {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    grid.setMinHeight(Region.USE_PREF_SIZE); // the form scrolls rather than squeezing its inputs
    for (int i = 0; i < 4; i++) {
      ColumnConstraints c = new ColumnConstraints();
      if (i % 2 == 0) {
        c.setMinWidth(LABEL_WIDTH);
        c.setPrefWidth(LABEL_WIDTH);
      } else {
        c.setHgrow(Priority.ALWAYS);
        c.setMinWidth(60);
      }
      grid.getColumnConstraints().add(c);
    }
    return grid;
  }

  /** One input across the row. */
  static void row(GridPane grid, String label, Node input) {
    int row = grid.getRowCount();
    grid.add(label(label), 0, row);
    grid.add(input, 1, row, 3, 1);
  }

  /** Two inputs side by side. */
  static void row(GridPane grid, String label, Node input, String label2, Node input2) {
    int row = grid.getRowCount();
    grid.addRow(row, label(label), input, label(label2), input2);
  }

  /** A field's name, level with the first line of its input (not the middle of the input and its problem). */
  private static Label label(String text) {
    Label l = new Label(text);
    l.setMinWidth(Region.USE_PREF_SIZE);
    l.setPadding(new Insets(8, 0, 0, 0));
    GridPane.setValignment(l, VPos.TOP);
    return l;
  }

  static TextField text(String id, StringProperty value, String prompt) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    f.textProperty().bindBidirectional(value);
    return f;
  }

  static ChoiceBox<String> choice(String id, List<String> items, StringProperty value) {
    ChoiceBox<String> c = new ChoiceBox<>();
    c.setId(id);
    c.getItems().setAll(items);
    c.valueProperty().bindBidirectional(value);
    c.setMaxWidth(Double.MAX_VALUE);
    return c;
  }

  /** A label that wraps at the width it is given instead of widening its column. */
  static Label wraps(Label label) {
    label.setWrapText(true);
    label.setMinWidth(0);
    label.setPrefWidth(1);
    label.setMaxWidth(Double.MAX_VALUE);
    label.setMinHeight(Region.USE_PREF_SIZE); // all its lines, even when the form is short of room
    return label;
  }

  /** {@code input} with its field's problem under it (a label with id {@code INPUT-ID-problem}, shown when there is one). */
  static VBox withProblem(Control input, String field, ObservableMap<String, String> problems) {
    StringBinding problem = Bindings.stringValueAt(problems, field);
    Label said = new Label();
    said.setId(input.getId() + "-problem");
    said.getStyleClass().add("field-problem");
    wraps(said);
    said.textProperty().bind(problem);
    said.visibleProperty().bind(problem.isNotNull());
    said.managedProperty().bind(said.visibleProperty());
    problem.addListener((o, was, now) -> input.pseudoClassStateChanged(ERROR, now != null));
    input.pseudoClassStateChanged(ERROR, problem.get() != null);
    return new VBox(2, input, said);
  }
}
