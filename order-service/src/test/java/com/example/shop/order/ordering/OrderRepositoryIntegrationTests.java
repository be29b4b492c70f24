package com.example.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;

/**
 * The database guarantees behind checkout and recovery, on a real PostgreSQL. The recovery job is off here,
 * so the tests lease orders themselves, the way two replicas' jobs would.
 */
@SpringBootTest(properties = { "shop.order.recovery.enabled=false", "shop.messaging.relay.enabled=false" })
class OrderRepositoryIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "orders_repository_test");
        TestKafka.register(registry);
        TestTokens.register(registry);
    }

    @Autowired
    OrderRepository orders;

    @Autowired
    PlatformTransactionManager txManager;

    private static final Duration LEASE = Duration.ofSeconds(30);

    /** The driver that stores the orders, as the request thread does. */
    private static final UUID REQUEST = UUID.randomUUID();

    private Order storePending(Instant firstAttemptAt) {
        Order order = OrderTests.pendingOrder(OrderTests.line("10.00", 2));
        new TransactionTemplate(txManager).executeWithoutResult(status -> assertThat(
                orders.insert(order, UUID.randomUUID().toString(), "hash", REQUEST, firstAttemptAt)).isTrue());
        return order;
    }

    private List<OrderId> lease(Instant now) {
        return new TransactionTemplate(txManager)
                .execute(status -> orders.leaseStalePending(now, LEASE, 1000, UUID.randomUUID()));
    }

    @Test
    void leasesEachStaleOrderToOneReplicaAtATime() throws Exception {
        Instant now = Instant.now();
        Set<OrderId> stale = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            stale.add(storePending(now.minusSeconds(1)).id());
        }
        List<Callable<List<OrderId>>> replicas = List.of(() -> lease(now), () -> lease(now));

        List<OrderId> leased = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (Future<List<OrderId>> replica : pool.invokeAll(replicas)) {
                leased.addAll(replica.get());
            }
        }

        assertThat(leased).doesNotHaveDuplicates().containsAll(stale);
        assertThat(lease(now.plusSeconds(1))).doesNotContainAnyElementsOf(stale);
        assertThat(lease(now.plus(LEASE).plusSeconds(1))).containsAll(stale);
    }

    @Test
    void leavesOrdersAloneUntilTheyAreStale() {
        Instant now = Instant.now();
        Order fresh = storePending(now.plusSeconds(15));

        assertThat(lease(now)).doesNotContain(fresh.id());
        assertThat(lease(now.plusSeconds(16))).contains(fresh.id());
    }

    @Test
    void finishesAnOrderOnlyOnce() {
        Order order = storePending(Instant.now());
        var tx = new TransactionTemplate(txManager);

        Boolean confirmed = tx.execute(status -> orders.finish(order.confirm(Instant.now()), REQUEST));
        Boolean rejected = tx.execute(status -> orders.finish(order.reject(RejectionReason.PAYMENT_DECLINED,
                Instant.now()), REQUEST));

        assertThat(confirmed).isTrue();
        assertThat(rejected).isFalse();
        Order stored = orders.findById(order.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(stored.paymentToken()).isNull();
        assertThat(lease(Instant.now().plus(Duration.ofDays(1)))).doesNotContain(order.id());
    }

    @Test
    void letsNoOtherDriverClaimAnOrderWhoseLeaseIsLive() {
        Instant now = Instant.now();
        Order order = storePending(now.plusSeconds(30));
        UUID job = UUID.randomUUID();

        assertThat(orders.claim(order.id(), job, now, now.plus(LEASE))).isFalse();
        assertThat(orders.claim(order.id(), REQUEST, now.plusSeconds(10), now.plusSeconds(40))).isTrue();
        assertThat(orders.claim(order.id(), job, now.plusSeconds(35), now.plus(LEASE))).isFalse();
        assertThat(orders.claim(order.id(), job, now.plusSeconds(41), now.plusSeconds(41).plus(LEASE))).isTrue();
    }

    @Test
    void stopsADriverThatLostItsLeaseFromRenewingOrFinishing() {
        Instant now = Instant.now();
        Order order = storePending(now.minusSeconds(1));
        UUID job = UUID.randomUUID();
        assertThat(orders.claim(order.id(), job, now, now.plus(LEASE))).isTrue();
        var tx = new TransactionTemplate(txManager);

        boolean renewed = orders.claim(order.id(), REQUEST, now, now.plus(LEASE));
        Boolean confirmed = tx.execute(status -> orders.finish(order.confirm(now), REQUEST));

        assertThat(renewed).isFalse();
        assertThat(confirmed).isFalse();
        assertThat(orders.findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        Boolean confirmedByOwner = tx.execute(status -> orders.finish(order.confirm(now), job));
        assertThat(confirmedByOwner).isTrue();
    }

    @Test
    void neverConfirmsAnOrderWhoseRejectionWasDecided() {
        Order order = storePending(Instant.now().plusSeconds(30));
        Order decided = order.decideRejection(RejectionReason.PAYMENT_DECLINED, Instant.now());
        var tx = new TransactionTemplate(txManager);

        assertThat(orders.recordPendingRejection(decided, REQUEST)).isTrue();
        Boolean confirmed = tx.execute(status -> orders.finish(order.confirm(Instant.now()), REQUEST));
        Boolean rejectedOtherwise = tx.execute(status -> orders.finish(
                order.reject(RejectionReason.PAYMENT_UNAVAILABLE, Instant.now()), REQUEST));

        assertThat(confirmed).isFalse();
        assertThat(rejectedOtherwise).isFalse();
        Boolean rejectedAsDecided = tx.execute(status -> orders.finish(decided.reject(RejectionReason.PAYMENT_DECLINED,
                Instant.now()), REQUEST));
        assertThat(rejectedAsDecided).isTrue();
    }

    @Test
    void keepsTheFirstDecidedRejection() {
        Order order = storePending(Instant.now().plusSeconds(30));

        boolean first = orders.recordPendingRejection(order.decideRejection(RejectionReason.PAYMENT_DECLINED,
                Instant.now()), REQUEST);
        boolean second = orders.recordPendingRejection(order.decideRejection(RejectionReason.PAYMENT_UNAVAILABLE,
                Instant.now()), REQUEST);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(orders.findById(order.id()).orElseThrow().pendingRejection())
                .contains(RejectionReason.PAYMENT_DECLINED);
    }

    @Test
    void refusesASecondOrderForAnIdempotencyKeyTheCustomerAlreadyUsed() {
        Order first = OrderTests.pendingOrder(OrderTests.line("10.00", 1));
        Order second = Order.place(OrderId.newId(), first.customerId(), first.customerEmail(), first.lines(),
                first.shippingAddress(), "tok_visa", Instant.now());
        var tx = new TransactionTemplate(txManager);

        Boolean firstStored = tx.execute(status -> orders.insert(first, "same-key", "hash", REQUEST, Instant.now()));
        Boolean secondStored = tx.execute(status -> {
            boolean stored = orders.insert(second, "same-key", "hash", REQUEST, Instant.now());
            status.setRollbackOnly();
            return stored;
        });

        assertThat(firstStored).isTrue();
        assertThat(secondStored).isFalse();
        assertThat(orders.findIdempotencyKey(first.customerId(), "same-key"))
                .contains(new OrderRepository.IdempotencyRecord("hash", first.id()));
        assertThat(orders.findById(second.id())).isEmpty();
    }

    @Test
    void readsBackAnOrderAsItWasStored() {
        Order order = storePending(Instant.now());

        Order stored = orders.findById(order.id()).orElseThrow();

        assertThat(stored.lines()).isEqualTo(order.lines());
        assertThat(stored.total()).isEqualTo(Money.of("20.00", "EUR"));
        assertThat(stored.shippingAddress()).isEqualTo(order.shippingAddress());
        assertThat(stored.customerEmail()).isEqualTo(order.customerEmail());
        assertThat(stored.paymentToken()).isEqualTo("tok_visa");
        assertThat(stored.status()).isEqualTo(OrderStatus.PENDING);
    }
}
