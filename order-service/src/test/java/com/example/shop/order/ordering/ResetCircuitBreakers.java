package com.example.shop.order.ordering;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Closes every circuit breaker of the test's application context before each test method (registered for all
 * Spring tests in {@code META-INF/spring.factories}). The tests of one class share a context, and a test that
 * takes a stand-in service down may leave its breaker open for the next test, which would then see an
 * unavailable service it never took down.
 */
public class ResetCircuitBreakers implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(CircuitBreakerRegistry.class)
                .ifAvailable(registry -> registry.getAllCircuitBreakers().forEach(CircuitBreaker::reset));
    }
}
