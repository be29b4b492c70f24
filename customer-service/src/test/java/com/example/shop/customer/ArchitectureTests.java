package com.example.shop.customer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps every feature's domain free of web, HTTP and Kafka types and of the published event records. */
@AnalyzeClasses(packages = "com.example.shop.customer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String[] DOMAIN = { "com.example.shop.customer.account", "com.example.shop.customer.identity",
            "com.example.shop.customer.addressbook", "com.example.shop.customer.preferences",
            "com.example.shop.customer.privacy", "com.example.shop.customer.survey" };

    @ArchTest
    static final ArchRule domainHasNoWebTypes = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.springframework.http..", "jakarta.servlet..", "..customer..web..", "..customer..client..");

    @ArchTest
    static final ArchRule domainHasNoKafkaTypes = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..",
                    "com.example.shop.contracts..", "..customer..messaging..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notBePublic();
}
