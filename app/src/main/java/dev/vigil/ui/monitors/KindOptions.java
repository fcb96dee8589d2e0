package dev.vigil.ui.monitors;

import java.util.Map;
import javafx.collections.ObservableMap;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The add form's inputs that belong to one kind of check, shown only for it: for dns the record and the server,
 * for tcp a line to send, for tls whether to verify the certificate (on unless turned off). None for url and ping.
 */
final class KindOptions extends VBox {
  private final Map<String, GridPane> byKind;

  KindOptions(AddMonitorViewModel vm) {
    ObservableMap<String, String> problems = vm.fieldProblems();
    GridPane dns = FormLayout.grid();
    FormLayout.row(dns, "Record", FormLayout.withProblem(FormLayout.choice("add-record", AddMonitorViewModel.RECORDS, vm.record()),
        "record", problems), "DNS server", FormLayout.withProblem(
        FormLayout.text("add-server", vm.server(), "the system's"), "server", problems));
    GridPane tcp = FormLayout.grid();
    FormLayout.row(tcp, "Send first", FormLayout.withProblem(
        FormLayout.text("add-send", vm.send(), "a line, e.g. EHLO vigil.example (optional)"), "send", problems));
    GridPane tls = FormLayout.grid();
    CheckBox verify = new CheckBox("Verify the certificate chain and host name");
    verify.setId("add-verify");
    verify.selectedProperty().bindBidirectional(vm.verify());
    FormLayout.row(tls, "Verify", FormLayout.withProblem(verify, "verify", problems));
    byKind = Map.of("dns", dns, "tcp", tcp, "tls", tls);
    getChildren().addAll(dns, tcp, tls);
    show(vm.kind().get());
    vm.kind().addListener((o, was, now) -> show(now));
  }

  private void show(String kind) {
    byKind.forEach((k, grid) -> {
      grid.setVisible(k.equals(kind));
      grid.setManaged(k.equals(kind));
    });
    setVisible(byKind.containsKey(kind));
    setManaged(byKind.containsKey(kind));
  }
}
