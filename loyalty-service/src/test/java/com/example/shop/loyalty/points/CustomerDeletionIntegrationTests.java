package com.example.shop.loyalty.points;

import static com.example.shop.loyalty.ShopEvents.confirmed;
import static com.example.shop.loyalty.ShopEvents.customerDeleted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.shop.loyalty.LoyaltyApi.Response;
import com.example.shop.loyalty.LoyaltyIntegrationTest;

import tools.jackson.databind.node.ObjectNode;

/** customer.deleted.v1 forfeits the points and leaves nothing about the customer but the fact of deletion. */
class CustomerDeletionIntegrationTests extends LoyaltyIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private long rowsAbout(UUID customer) {
        long rows = 0;
        for (String table : new String[] { "loyalty_account", "loyalty_entry", "loyalty_order", "loyalty_hold",
                "loyalty_parked_event", "loyalty_problem" }) {
            rows += jdbc.sql("select count(*) from " + table + " where customer_id = ?").param(customer)
                    .query(Long.class).single();
        }
        return rows;
    }

    @Test
    void deletesTheAccountLedgerOrdersAndHoldsAndIgnoresLaterEvents() {
        UUID customer = UUID.randomUUID();
        events().send(confirmed(customer, UUID.randomUUID(), "120.00", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().balance(customer) == 120);
        api().hold(UUID.randomUUID(), customer, 20);

        ObjectNode deletion = customerDeleted(customer);
        events().send(deletion);
        events().send(deletion);
        ledger().awaitProcessed(deletion);

        assertThat(rowsAbout(customer)).isZero();
        ObjectNode late = confirmed(customer, UUID.randomUUID(), "50.00", 0);
        events().send(late);
        ledger().awaitProcessed(late);
        assertThat(rowsAbout(customer)).isZero();
        assertThat(api().hold(UUID.randomUUID(), customer, 0).text("status")).isEqualTo("REJECTED");
        assertThat(rowsAbout(customer)).isZero();

        Response export = api().get("/internal/customers/" + customer + "/personal-data", null);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().path("data").path("account").path("points").asLong()).isZero();
        assertThat(export.json().path("data").path("ledger").size()).isZero();
        assertThat(export.json().path("data").path("holds").size()).isZero();
    }
}
