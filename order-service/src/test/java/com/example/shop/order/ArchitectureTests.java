package com.example.shop.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the ordering domain free of web and Kafka types, and the adapters at the edge. */
@AnalyzeClasses(packages = "com.example.shop.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainHasNoWebOrKafkaTypes = noClasses()
            .that().resideInAPackage("com.example.shop.order.ordering")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "org.springframework.security..", "org.springframework.kafka..", "org.apache.kafka..",
                    "tools.jackson..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule personalDataServiceHasNoWebOrKafkaTypes = noClasses()
            .that().resideInAPackage("com.example.shop.order.personaldata")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "org.springframework.kafka..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..",
                    "..ordering.web..", "..ordering.client..", "..personaldata.web..", "..personaldata.messaging..");

    @ArchTest
    static final ArchRule domainDoesNotKnowItsAdapters = noClasses()
            .that().resideInAPackage("com.example.shop.order.ordering")
            .should().dependOnClassesThat().resideInAnyPackage("..ordering.web..", "..ordering.client..");

    @ArchTest
    static final ArchRule adaptersDoNotUseEachOther = noClasses()
            .that().resideInAPackage("..ordering.web..")
            .should().dependOnClassesThat().resideInAPackage("..ordering.client..");

    @ArchTest
    static final ArchRule listenersDoNotUseOtherAdapters = noClasses()
            .that().resideInAPackage("..ordering.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("..ordering.web..", "..ordering.client..");

    @ArchTest
    static final ArchRule backOfficeGoesThroughTheDomain = noClasses()
            .that().resideInAPackage("..backoffice..")
            .should().dependOnClassesThat().resideInAnyPackage("..ordering.client..", "..ordering.messaging..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notBePublic();
}
