package io.poollab.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of ARCHITECTURE.md, enforced on the compiled main classes. */
@AnalyzeClasses(packages = "io.poollab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheUiTouchesJavaFx = noClasses()
            .that().resideOutsideOfPackage("io.poollab.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine, CLI and reports must run headless");

    @ArchTest
    static final ArchRule theUiNeverTouchesJdbc = noClasses()
            .that().resideInAPackage("io.poollab.ui..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("the UI calls the engine or the history, which own every connection")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule theUiAndTheCliAreSiblings = noClasses()
            .that().resideInAPackage("io.poollab.ui..")
            .should().dependOnClassesThat().resideInAPackage("io.poollab.cli..")
            .because("both are thin front ends over the same engine");

    @ArchTest
    static final ArchRule engineNeverDependsOnItsUsers = noClasses()
            .that().resideInAnyPackage("io.poollab.config..", "io.poollab.db..", "io.poollab.pool..",
                    "io.poollab.migrate..")
            .should().dependOnClassesThat().resideInAnyPackage("io.poollab.cli..", "io.poollab.ui..",
                    "io.poollab.history..", "io.poollab.report..", "io.poollab.analysis..")
            .because("one engine serves the CLI, the GUI, sweeps and demos");

    @ArchTest
    static final ArchRule configDependsOnNothingOfPoolLab = noClasses()
            .that().resideInAPackage("io.poollab.config..")
            .should().dependOnClassesThat().resideInAnyPackage("io.poollab.db..", "io.poollab.pool..",
                    "io.poollab.migrate..");

    @ArchTest
    static final ArchRule theProxyDependsOnNothingOfPoolLab = noClasses()
            .that().resideInAPackage("io.poollab.proxy..")
            .should().dependOnClassesThat(resideInAPackage("io.poollab..")
                    .and(resideOutsideOfPackage("io.poollab.proxy..")))
            .because("the latency proxy is a TCP tool that knows nothing of JDBC, pools or configs");

    @ArchTest
    static final ArchRule theProxyIsStartedWhereConnectionsAreMade = noClasses()
            .that().resideOutsideOfPackages("io.poollab.proxy..", "io.poollab.pool..", "io.poollab.db..",
                    "io.poollab.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.poollab.proxy..")
            .because("connections go through the proxy where they are opened: under the pools, in the connection "
                    + "tester, and in poollab proxy; the engine above them stays unaware of it");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("io.poollab.(*)..").should().beFreeOfCycles();
}
