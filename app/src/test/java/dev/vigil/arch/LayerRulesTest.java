package dev.vigil.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer rules of the data path, each with its reason. */
@AnalyzeClasses(packages = "dev.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

  @ArchTest
  static final ArchRule javafxOnlyInUi =
      noClasses().that().resideOutsideOfPackage("dev.vigil.ui..")
          .should().dependOnClassesThat().resideInAPackage("javafx..")
          .because("the engine and the command line run headless without loading JavaFX");

  @ArchTest
  static final ArchRule awtOnlyInTray =
      noClasses().that().resideOutsideOfPackage("dev.vigil.ui.tray..")
          .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "com.dustinredmond..")
          .because("AWT is only the system tray's fallback-prone bridge; everything else is JavaFX or headless");

  @ArchTest
  static final ArchRule okhttpOnlyInCheckAndHttp =
      noClasses().that().resideOutsideOfPackages("dev.vigil.check..", "dev.vigil.http..")
          .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..")
          .because("two OkHttp clients, each built once: the checks' own, tuned for many monitors, and dev.vigil.http's"
              + " Web, which channels and sources share with a timeout for each use");

  @ArchTest
  static final ArchRule javaNetHttpOnlyInTheApiClient =
      noClasses().that().resideOutsideOfPackage("dev.vigil.api..")
          .should().dependOnClassesThat().resideInAPackage("java.net.http..")
          .because("channels and sources speak HTTP through dev.vigil.http; only the command line's client to the local"
              + " API (api.ApiClient) still uses the JDK's");

  @ArchTest
  static final ArchRule dnsjavaOnlyInCheck =
      noClasses().that().resideOutsideOfPackage("dev.vigil.check..")
          .should().dependOnClassesThat().resideInAPackage("org.xbill..")
          .because("checks own the DNS client and its timeouts, as they own the HTTP client");

  @ArchTest
  static final ArchRule quartzOnlyInSchedule =
      noClasses().that().resideOutsideOfPackage("dev.vigil.schedule..")
          .should().dependOnClassesThat().resideInAPackage("org.quartz..")
          .because("the schedule is one small interface; Quartz is its implementation detail");

  @ArchTest
  static final ArchRule jdbcOnlyInStore =
      noClasses().that().resideOutsideOfPackage("dev.vigil.store..")
          .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.flywaydb..")
          .because("only the store knows the database; everyone else speaks alerts");

  @ArchTest
  static final ArchRule onlyTheEngineWritesCheckResults =
      noClasses().that().resideInAnyPackage("dev.vigil.ui..", "dev.vigil.api..", "dev.vigil.source..")
          .should().dependOnClassesThat().haveFullyQualifiedName("dev.vigil.store.AlertStore")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.vigil.store.EngineStore")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.vigil.store.EngineWrites")
          .because("the desktop, the local API and the sources read and act on alerts (store.AlertDesk); check results"
              + " reach the store only through the engine's transactions");

  @ArchTest
  static final ArchRule decisionsDoNoIo =
      noClasses().that().resideInAnyPackage("dev.vigil.evaluate..", "dev.vigil.state..", "dev.vigil.dedupe..", "dev.vigil.policy..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.store..", "dev.vigil.ui..", "dev.vigil.cli..", "dev.vigil.engine..")
          .because("conditions, thresholds, fingerprints and policy are pure decisions, tested with a Clock and tables of cases");

  @ArchTest
  static final ArchRule engineIsHeadless =
      noClasses().that().resideInAnyPackage("dev.vigil.engine..", "dev.vigil.store..", "dev.vigil.check..", "dev.vigil.rules..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.ui..", "dev.vigil.cli..")
          .because("the engine runs without a desktop and without a command line in front of it");

  @ArchTest
  static final ArchRule packagesHaveNoCycles =
      slices().matching("dev.vigil.(*)..").should().beFreeOfCycles()
          .because("each package is one step of the data path or a base below it; a cycle means two steps can only be"
              + " understood, tested and changed together");

  @ArchTest
  static final ArchRule nothingNeedsTheCommandLine =
      noClasses().that().resideOutsideOfPackage("dev.vigil.cli..").and().doNotHaveFullyQualifiedName("dev.vigil.Main")
          .should().dependOnClassesThat().resideInAPackage("dev.vigil.cli..")
          .because("cli holds the commands and their option types only, on top of everything; the life cycle they start"
              + " lives in app, data folders and autostart in os (Main, the entry point, hands the arguments to cli)");

  @ArchTest
  static final ArchRule osNeedsOnlyTheBase =
      classes().that().resideInAPackage("dev.vigil.os..")
          .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.vigil..").or(resideInAnyPackage("dev.vigil.os..", "dev.vigil.config..")))
          .because("os knows where this OS keeps folders and how it starts programs at login; what Vigil does with them"
              + " belongs to the packages above it");

  @ArchTest
  static final ArchRule configIsTheBase =
      noClasses().that().resideInAPackage("dev.vigil.config..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.rules..", "dev.vigil.evaluate..", "dev.vigil.policy..",
              "dev.vigil.engine..", "dev.vigil.store..", "dev.vigil.ui..", "dev.vigil.cli..", "dev.vigil.app..")
          .because("locations, problems, located YAML and durations are what the rules, conditions and policy are read"
              + " with; the base cannot need what is built on it");

  @ArchTest
  static final ArchRule oneJsonMapper =
      noClasses().that().resideOutsideOfPackage("dev.vigil.config..")
          .should().callConstructor(com.fasterxml.jackson.databind.ObjectMapper.class)
          .because("one shared, never reconfigured mapper (config.Json) reads and writes every JSON the same way");
}
