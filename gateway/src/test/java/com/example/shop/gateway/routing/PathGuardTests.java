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

    @ParameterizedTest
    @ValueSource(strings = { "/api/products/%c0%ae%c0%ae", "/api/products/%ff%fe", "/api/products/%e2%28%a1",
            "/api/products/%ed%a0%80", "/api/products/%C3", "/api/products/%zz", "/api/products/%4", "/api/products/%" })
    void recognisesEscapesThatAreNotUtf8(String path) {
        assertThat(PathGuard.decodesAsUtf8(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/products", "/api/products/%C3%A9", "/api/products/%F0%9F%98%80", "/api/products/a%20b",
            "/api/products/%7B1%7D" })
    void acceptsEscapesThatAreUtf8(String path) {
        assertThat(PathGuard.decodesAsUtf8(path)).isTrue();
    }
}
