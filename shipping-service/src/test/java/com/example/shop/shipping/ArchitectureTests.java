package com.example.shop.shipping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.example.shop.shipping", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainHasNoWebHttpKafkaOrResilienceTypes = noClasses()
            .that().resideInAPackage("com.example.shop.shipping.shipments")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "org.apache.kafka..", "org.springframework.kafka..", "io.github.resilience4j..", "tools.jackson..",
                    "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule domainDoesNotKnowItsAdapters = noClasses()
            .that().resideInAPackage("com.example.shop.shipping.shipments")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.example.shop.shipping.shipments.web..", "com.example.shop.shipping.shipments.client..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().haveSimpleNameEndingWith("Controller")
            .should().notBePublic();
}
