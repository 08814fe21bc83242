package org.greffe.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The borders of DESIGN.md, checked on the compiled code of every module. */
class ArchitectureTest {

    private static JavaClasses greffe;

    @BeforeAll
    static void importClasses() {
        greffe = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // shared-events' test jar (golden-file tests) is on the test class path as a jar
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.greffe");
    }

    @Test
    void sharedEventsDependOnNothingButTheJdkRevisionAndJacksonAnnotations() {
        classes().that().resideInAPackage("org.greffe.events..")
                 .should().onlyDependOnClassesThat(
                         com.tngtech.archunit.base.DescribedPredicate.describe(
                                 "the JDK, @Revision, Jackson annotations or shared-events",
                                 type -> type.getPackageName().startsWith("java.")
                                         || type.getName().equals("org.axonframework.serialization.Revision")
                                         || type.getPackageName().equals("com.fasterxml.jackson.annotation")
                                         || type.getPackageName().startsWith("org.greffe.events")
                                         || type.isPrimitive() || type.isArray()))
                 .check(greffe);
    }

    @Test
    void sharedMeasuresDependOnNothingButTheJdkAndTheEvents() {
        classes().that().resideInAPackage("org.greffe.measures..")
                 .should().onlyDependOnClassesThat(
                         com.tngtech.archunit.base.DescribedPredicate.describe("the JDK or the shared modules",
                                 type -> type.getPackageName().startsWith("java.")
                                         || type.getPackageName().startsWith("javax.crypto")
                                         || type.getPackageName().startsWith("org.greffe.events")
                                         || type.getPackageName().startsWith("org.greffe.measures")
                                         || type.isPrimitive() || type.isArray()))
                 .check(greffe);
    }

    @Test
    void servicesNeverImportEachOther() {
        slices().matching("org.greffe.(registry|caseload|audit)..")
                .should().notDependOnEachOther()
                .check(greffe);
    }

    @Test
    void theSharedPlatformKnowsNoService() {
        noClasses().that().resideInAPackage("org.greffe.platform..")
                   .should().dependOnClassesThat().resideInAnyPackage(
                           "org.greffe.registry..", "org.greffe.caseload..", "org.greffe.audit..", "org.greffe.app..")
                   .check(greffe);
    }

    @Test
    void onlyTheAppAssemblesServices() {
        noClasses().that().resideOutsideOfPackage("org.greffe.app..")
                   .should().dependOnClassesThat().resideInAPackage("org.greffe.app..")
                   .check(greffe);
    }

    @Test
    void domainCodeHasNoSpringWebNorJdbc() {
        noClasses().that().resideInAPackage("org.greffe..model..")
                   .should().dependOnClassesThat().resideInAnyPackage(
                           "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..",
                           "com.fasterxml.jackson.databind..")
                   .check(greffe);
    }

    /** Controllers ask the application layer; adapters are wired to its ports, never called by the web directly. */
    @Test
    void webCodeDoesNotDependOnInfrastructure() {
        noClasses().that().resideInAPackage("org.greffe..web..")
                   .should().dependOnClassesThat().resideInAPackage("org.greffe..infrastructure..")
                   .check(greffe);
    }

    @Test
    void theWebLayerDoesNotReachIntoTheDatabase() {
        noClasses().that().resideInAPackage("org.greffe..web..")
                   .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.springframework.jdbc..")
                   .check(greffe);
    }
}
