package com.example.shop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductRepositoryTests {

    @Test
    void searchTextMatchesLikeWildcardsLiterally() {
        assertThat(ProductRepository.escapeLike("100%_off\\")).isEqualTo("100\\%\\_off\\\\");
    }
}
