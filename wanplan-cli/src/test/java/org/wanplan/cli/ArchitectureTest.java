package org.wanplan.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: model ← routing, io ← cli; the model uses the JDK only. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // test jars on the classpath (the store's PostgreSQL harness) are tests too
                .withImportOption(location -> !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*")))
                .importPackages("org.wanplan");
    }

    @Test
    void the_model_depends_on_the_jdk_only() {
        classes()
                .that()
                .resideInAPackage("org.wanplan.model..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.wanplan.model..", "java..")
                .check(classes);
    }

    @Test
    void the_routing_engine_depends_on_the_model_and_the_jdk_only() {
        classes()
                .that()
                .resideInAPackage("org.wanplan.routing..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.wanplan.routing..", "org.wanplan.model..", "java..")
                .check(classes);
    }

    @Test
    void planning_depends_on_the_model_and_or_tools_only() {
        classes()
                .that()
                .resideInAPackage("org.wanplan.planning..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.wanplan.planning..", "org.wanplan.model..", "com.google.ortools..", "java..")
                .check(classes);
    }

    @Test
    void or_tools_stays_inside_planning() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.wanplan.planning..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.google.ortools..")
                .check(classes);
    }

    @Test
    void design_stays_below_the_command_line_and_planning() {
        noClasses()
                .that()
                .resideInAPackage("org.wanplan.design..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.wanplan.cli..", "org.wanplan.planning..", "picocli..")
                .check(classes);
    }

    @Test
    void the_store_depends_on_the_model_and_its_database_libraries_only() {
        classes()
                .that()
                .resideInAPackage("org.wanplan.store..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.wanplan.store..",
                        "org.wanplan.model..",
                        "org.jdbi..",
                        "org.flywaydb..",
                        "com.zaxxer.hikari..",
                        "java..",
                        "javax.sql..")
                .check(classes);
    }

    @Test
    void the_server_stays_below_the_command_line_and_planning() {
        noClasses()
                .that()
                .resideInAPackage("org.wanplan.server..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.wanplan.cli..", "org.wanplan.planning..", "picocli..")
                .check(classes);
    }

    @Test
    void only_the_server_knows_the_http_framework() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.wanplan.server..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.javalin..")
                .check(classes);
    }

    @Test
    void io_does_not_depend_on_the_command_line() {
        noClasses()
                .that()
                .resideInAPackage("org.wanplan.io..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.wanplan.cli..", "picocli..")
                .check(classes);
    }

    @Test
    void modules_form_no_cycles() {
        slices().matching("org.wanplan.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_rules_see_every_module() {
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.wanplan.model"))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.wanplan.io"))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.wanplan.cli"))
                .isTrue();
    }
}
