package com.example.shop.gateway.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PathGuardTests {

    @ParameterizedTest
    @ValueSource(strings = { "/internal", "/internal/products", "/INTERNAL/reservations", "/internal;x=1/products" })
    void recognisesInternalPaths(String path) {
        assertThat(PathGuard.isInternal(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/products", "/api/internalize", "/internals", "/" })
    void leavesOtherPathsAlone(String path) {
        assertThat(PathGuard.isInternal(path)).isFalse();
        assertThat(PathGuard.isAmbiguous(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/products/../../internal/products", "/api/products/./x", "/api/products/%2E%2E/x",
            "/api/products/a%2Fb", "/api/products//internal", "/api/products;jsessionid=1", "/api/products/%5c.." })
    void refusesDotSegmentsAndEncodedSeparators(String path) {
        assertThat(PathGuard.isAmbiguous(path)).isTrue();
    }
}
