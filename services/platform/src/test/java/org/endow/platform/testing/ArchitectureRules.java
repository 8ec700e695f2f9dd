package org.endow.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every Endow service keeps (ddd-by-examples/library): the domain model is plain
 * Java, and use cases never reach into infrastructure. Each service's architecture test includes
 * them with {@code @ArchTest static final ArchTests layering = ArchTests.in(ArchitectureRules.class);}.
 */
public final class ArchitectureRules {

    /** {@code model} packages know nothing of Micronaut, injection, JDBC, Kafka or HTTP. */
    @ArchTest
    public static final ArchRule MODEL_IS_FRAMEWORK_FREE = noClasses()
            .that()
            .resideInAPackage("..model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.micronaut..",
                    "jakarta.inject..",
                    "jakarta.persistence..",
                    "java.sql..",
                    "javax.sql..",
                    "org.apache.kafka..",
                    "org.endow.platform..",
                    "org.endow.events..")
            .because("the domain model must stay plain Java (house style rule 2)");

    /** {@code application} orchestrates the model; it never imports {@code infrastructure}. */
    @ArchTest
    public static final ArchRule APPLICATION_DOES_NOT_USE_INFRASTRUCTURE = noClasses()
            .that()
            .resideInAPackage("..application..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..infrastructure..")
            .because("use cases depend on ports, adapters depend on use cases");

    /** The model does not call out to the layers above it. */
    @ArchTest
    public static final ArchRule MODEL_DOES_NOT_USE_OUTER_LAYERS = noClasses()
            .that()
            .resideInAPackage("..model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..application..", "..infrastructure..");

    private ArchitectureRules() {}
}
