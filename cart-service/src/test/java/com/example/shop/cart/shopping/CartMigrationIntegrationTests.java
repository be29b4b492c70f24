package com.example.shop.cart.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.example.shop.platform.testsupport.TestPostgres;

/** Lines stored before carts had rows of their own survive the migration, each customer's in one cart. */
class CartMigrationIntegrationTests {

    @Test
    void movesExistingLinesIntoOneCartPerCustomer() {
        var dataSource = new DriverManagerDataSource(TestPostgres.jdbcUrl("cart_migration"), "postgres", "postgres");
        var jdbc = JdbcClient.create(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("1").cleanDisabled(false)
                .load().migrate();
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID mug = UUID.randomUUID();
        UUID pen = UUID.randomUUID();
        jdbc.sql("insert into cart_line values (?, ?, 2, now(), now())").params(ada, mug).update();
        jdbc.sql("insert into cart_line values (?, ?, 1, now(), now())").params(ada, pen).update();
        jdbc.sql("insert into cart_line values (?, ?, 5, now(), now())").params(bob, mug).update();

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.sql("select count(*) from cart").query(Long.class).single()).isEqualTo(2);
        assertThat(StoredCarts.lines(jdbc, ada)).isEqualTo(2);
        assertThat(jdbc.sql("select l.quantity from cart_line l join cart c on c.id = l.cart_id where c.customer_id = ?")
                .param(bob).query(Integer.class).single()).isEqualTo(5);
    }
}
