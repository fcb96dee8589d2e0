package dev.vigil.ui.history;

import dev.vigil.alert.AlertEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The selected incident: its timeline, its monitor's response time over the last day, and uptime per day. */
final class HistoryDetails extends VBox {
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d", Locale.ENGLISH);

  HistoryDetails(HistoryViewModel vm, ZoneId zone) {
    super(8);
    getStyleClass().add("details");
    Label title = new Label();
    title.getStyleClass().add("title");
    title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
        () -> vm.selected().get() == null ? "Select an incident" : vm.selected().get().monitor() + ": " + vm.selected().get().summary(),
        vm.selected()));
    title.setWrapText(true);

    ListView<AlertEvent> timeline = new ListView<>(vm.timeline());
    timeline.setId("history-timeline");
    timeline.setPrefHeight(180);
    timeline.setPlaceholder(new Label("No timeline"));
    timeline.setCellFactory(l -> new ListCell<>() {
      @Override protected void updateItem(AlertEvent e, boolean empty) {
        super.updateItem(e, empty);
        setText(empty || e == null ? null : HistoryView.line(e, zone));
        setWrapText(true);
        setPrefWidth(0);
      }
    });

    NumberAxis x = new NumberAxis();
    x.setForceZeroInRange(false);
    x.setTickLabelFormatter(new StringConverter<>() {
      @Override public String toString(Number n) {
        return HOUR.format(Instant.ofEpochSecond(n.longValue()).atZone(zone));
      }
      @Override public Number fromString(String s) {
        return 0;
      }
    });
    NumberAxis y = new NumberAxis();
    y.setLabel("ms");
    LineChart<Number, Number> latency = new LineChart<>(x, y);
    latency.setTitle("Response time, last 24 h");
    latency.setAnimated(false);
    latency.setCreateSymbols(false);
    latency.setLegendVisible(false);
    latency.setPrefHeight(220);
    vm.latency().addListener((ListChangeListener<double[]>) c -> {
      XYChart.Series<Number, Number> series = new XYChart.Series<>();
      for (double[] p : vm.latency()) series.getData().add(new XYChart.Data<>(p[0], p[1]));
      latency.getData().setAll(java.util.List.of(series));
    });

    CategoryAxis days = new CategoryAxis();
    NumberAxis percent = new NumberAxis(0, 100, 25);
    BarChart<String, Number> uptime = new BarChart<>(days, percent);
    uptime.setTitle("Uptime per day, %");
    uptime.setAnimated(false);
    uptime.setLegendVisible(false);
    uptime.setPrefHeight(200);
    vm.uptime().addListener((ListChangeListener<Uptime>) c -> {
      XYChart.Series<String, Number> series = new XYChart.Series<>();
      for (Uptime u : vm.uptime()) series.getData().add(new XYChart.Data<>(DAY.format(u.day()), u.percent()));
      uptime.getData().setAll(java.util.List.of(series));
    });

    getChildren().addAll(title, timeline, latency, uptime);
  }
}
