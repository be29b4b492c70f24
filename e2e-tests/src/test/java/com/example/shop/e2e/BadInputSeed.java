package com.example.shop.e2e;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Gives every bad-input property the seed named by {@code e2e.badInput.seed}: fixed by default (this module's pom),
 * so that a CI run sends the same hostile requests as the last one and turns red only for a change, never for a
 * new draw; {@code -De2e.badInput.seed=random} draws new requests, to look for what the fixed ones miss.
 */
final class BadInputSeed implements AroundPropertyHook {

    static final String PROPERTY = "e2e.badInput.seed";

    /** Registered on a test class, it has to reach that class's property methods. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String seed = System.getProperty(PROPERTY, "random").strip();
        if (!seed.isEmpty() && !seed.equalsIgnoreCase("random")) {
            context.attributes().setSeed(seed);
        }
        return property.execute();
    }
}
