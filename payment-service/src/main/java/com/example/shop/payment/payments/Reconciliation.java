package com.example.shop.payment.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.example.shop.payment.payments.PaymentProvider.IntentState;
import com.example.shop.payment.payments.PaymentProvider.Lookup;
import com.example.shop.payment.payments.PaymentProvider.ProviderIntent;
import com.example.shop.payment.payments.PaymentProvider.ProviderRefund;

/**
 * Settles operations whose provider answer never came. Every {@code interval} it takes the operations left
 * PENDING or UNKNOWN for longer than {@code stale-after} ({@code skip locked}: instances share them, never
 * double-work) and asks the provider what became of each: the intent by its id (capture, void), the intent by
 * merchant reference (authorisation), the refund by merchant reference. What the provider shows done settles
 * the operation SUCCEEDED (with its event); what it shows impossible settles it FAILED; what it shows not done
 * yet is sent again under the operation's own idempotency key, which the provider applies at most once. An
 * authorisation is never sent again from here: order-service drives it (retry or cancel).
 */
@Service
@ConditionalOnProperty(prefix = "shop.payment.reconciliation", name = "enabled", havingValue = "true", matchIfMissing = true)
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final PaymentRepository payments;
    private final PaymentOperationRepository operations;
    private final OperationSettlement settlement;
    private final PaymentProvider provider;
    private final ReconciliationProperties properties;
    private final Clock clock;

    Reconciliation(PaymentRepository payments, PaymentOperationRepository operations, OperationSettlement settlement,
            PaymentProvider provider, ReconciliationProperties properties, Clock clock) {
        this.payments = payments;
        this.operations = operations;
        this.settlement = settlement;
        this.provider = provider;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shop.payment.reconciliation.interval:30s}",
            initialDelayString = "${shop.payment.reconciliation.interval:30s}")
    void scheduled() {
        try {
            reconcileStale();
        }
        catch (RuntimeException ex) {
            log.warn("Reconciliation run failed; the next run tries again", ex);
        }
    }

    /** One run: the stale operations taken and asked about. Returns how many were taken. */
    public int reconcileStale() {
        Instant now = clock.instant();
        List<PaymentOperation> stale = operations.claimStale(now.minus(properties.staleAfter()), now,
                properties.batchSize());
        for (PaymentOperation operation : stale) {
            try {
                reconcile(operation);
            }
            catch (RuntimeException ex) {
                log.warn("Could not reconcile operation {} ({})", operation.id(), operation.kind(), ex);
            }
        }
        return stale.size();
    }

    private void reconcile(PaymentOperation operation) {
        Payment payment = payments.findById(operation.paymentId()).orElseThrow();
        switch (operation.kind()) {
            case AUTHORIZE -> reconcileAuthorization(payment, operation);
            case CAPTURE -> reconcileCapture(payment, operation);
            case VOID -> reconcileVoid(payment, operation);
            case REFUND -> reconcileRefund(payment, operation);
        }
    }

    private void reconcileAuthorization(Payment payment, PaymentOperation operation) {
        switch (provider.intentByMerchantReference(operation.merchantReference())) {
            case Lookup.Found<ProviderIntent> found when found.value().state() == IntentState.HELD
                    || found.value().state() == IntentState.CAPTURED -> {
                log.info("Authorisation of payment {} found at the provider: {}", payment.id(), found.value().id());
                settlement.settleAuthorization(payment.id(), new AuthorizationOutcome.Authorized(found.value().id()));
            }
            case Lookup.NotFound<ProviderIntent> notFound when payment.status().isFinal() ->
                    settlement.settle(operation.id(), new OperationOutcome.Failed("no intent at the provider"));
            default -> log.info("Authorisation of payment {} still open at the provider", payment.id());
        }
    }

    private void reconcileCapture(Payment payment, PaymentOperation operation) {
        switch (provider.intent(payment.providerPaymentId())) {
            case Lookup.Found<ProviderIntent> found -> {
                switch (found.value().state()) {
                    case CAPTURED -> settle(operation, new OperationOutcome.Succeeded(found.value().id()));
                    case CANCELLED -> settle(operation, new OperationOutcome.Failed("payment_intent_canceled"));
                    case HELD -> {
                        operations.beginAttempt(operation.id(), clock.instant());
                        settle(operation, provider.capture(payment.providerPaymentId(), operation.amount(),
                                operation.idempotencyKey()));
                    }
                    case OTHER -> log.warn("Capture {}: the intent is in a state the shop does not use", operation.id());
                }
            }
            case Lookup.NotFound<ProviderIntent> notFound -> settle(operation, new OperationOutcome.Failed("resource_missing"));
            case Lookup.Unavailable<ProviderIntent> unavailable -> log.info("Capture {} still unknown: {}", operation.id(),
                    unavailable.reason());
        }
    }

    private void reconcileVoid(Payment payment, PaymentOperation operation) {
        PaymentProvider.CancellationOutcome outcome = switch (provider.intent(payment.providerPaymentId())) {
            case Lookup.Found<ProviderIntent> found -> switch (found.value().state()) {
                case CANCELLED -> new PaymentProvider.CancellationOutcome.Cancelled();
                case CAPTURED -> new PaymentProvider.CancellationOutcome.Refused("payment_intent_unexpected_state");
                case HELD, OTHER -> {
                    operations.beginAttempt(operation.id(), clock.instant());
                    yield provider.cancel(payment.providerPaymentId(), operation.idempotencyKey());
                }
            };
            case Lookup.NotFound<ProviderIntent> notFound -> new PaymentProvider.CancellationOutcome.Cancelled();
            case Lookup.Unavailable<ProviderIntent> unavailable -> null;
        };
        if (outcome != null) {
            PaymentOperation settled = settlement.settleVoid(operation.id(), outcome);
            log.info("Void {} of payment {} reconciled: {}", operation.id(), payment.id(), settled.status());
        }
    }

    private void reconcileRefund(Payment payment, PaymentOperation operation) {
        switch (provider.refundByMerchantReference(operation.merchantReference())) {
            case Lookup.Found<ProviderRefund> found when found.value().succeeded() ->
                    settle(operation, new OperationOutcome.Succeeded(found.value().id()));
            case Lookup.Found<ProviderRefund> found -> log.info("Refund {} not final at the provider yet", operation.id());
            case Lookup.NotFound<ProviderRefund> notFound -> {
                operations.beginAttempt(operation.id(), clock.instant());
                settle(operation, provider.refund(new PaymentProvider.RefundRequest(payment.providerPaymentId(),
                        operation.amount(), operation.idempotencyKey(), operation.merchantReference())));
            }
            case Lookup.Unavailable<ProviderRefund> unavailable -> log.info("Refund {} still unknown: {}", operation.id(),
                    unavailable.reason());
        }
    }

    private void settle(PaymentOperation operation, OperationOutcome outcome) {
        var settled = settlement.settle(operation.id(), outcome);
        log.info("{} {} of payment {} reconciled: {}", operation.kind(), operation.id(), operation.paymentId(),
                settled.operation().status());
    }
}
