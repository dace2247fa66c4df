package org.opensspr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of CONTRIBUTING.md (Layout) and docs/architecture.md (2), checked on the compiled main classes. */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.opensspr");

    @Test
    void onlyTheDirectoryPackageImportsUnboundId() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.opensspr.directory..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.unboundid..")
                .check(MAIN);
    }

    @Test
    void auditDependsOnNoOtherFeature() {
        classes()
                .that()
                .resideInAPackage("org.opensspr.audit..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.opensspr.audit..", "java..", "javax..", "org.springframework..", "org.slf4j..")
                .check(MAIN);
    }

    @Test
    void adminControllersUseServicesNotRepositories() {
        noClasses()
                .that()
                .resideInAPackage("org.opensspr.admin..")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .check(MAIN);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("org.opensspr.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
