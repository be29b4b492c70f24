package com.example.shop.customer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.example.shop.customer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String[] DOMAIN = { "com.example.shop.customer.account", "com.example.shop.customer.identity",
            "com.example.shop.customer.loyalty" };

    @ArchTest
    static final ArchRule domainHasNoWebTypes = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.springframework.http..", "jakarta.servlet..", "..customer..web..");

    @ArchTest
    static final ArchRule domainHasNoKafkaTypes = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..",
                    "com.example.shop.contracts..", "..customer..messaging..");
}
