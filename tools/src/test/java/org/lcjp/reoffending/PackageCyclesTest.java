package org.lcjp.reoffending;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package of the product depends, directly or through others, on a package that depends on it: the layering the
 * README's architecture section names (e.g. linkage.core below the linkage steps, the pack's model below its sheets
 * and writers). tools sees the production classes of all five modules (tools depends on jobs and testkit, jobs on
 * pipeline and reports); tests are left out, they may reach across.
 */
class PackageCyclesTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // tools' test class path holds the other modules' test-jars too (fixtures may reach across packages).
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.lcjp.reoffending");

    @Test
    void importsEveryModule() {
        // A check over too few classes would pass for the wrong reason.
        for (String pkg : new String[] {
            "org.lcjp.reoffending.linkage",
            "org.lcjp.reoffending.reports.pack",
            "org.lcjp.reoffending.jobs",
            "org.lcjp.reoffending.synthetic"
        }) {
            assertThat(PRODUCTION.containPackage(pkg)).as(pkg).isTrue();
        }
        assertThat(PRODUCTION.contain("org.lcjp.reoffending.cli.DevCommand")).isTrue();
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.lcjp.reoffending.(**)").should().beFreeOfCycles().check(PRODUCTION);
    }
}
