package com.example.shop.customer.preferences;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.example.shop.customer.account.Customer;
import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.account.CustomerNotFoundException;
import com.example.shop.customer.account.CustomerRenamed;
import com.example.shop.customer.account.CustomerRepository;
import com.example.shop.customer.account.CustomerSignedUp;

/**
 * The customer's consent and notification preferences. Every change is one transaction that updates them,
 * appends to the consent history and writes {@code customer.preferences_changed.v1} (whole state) to the
 * outbox; a change that changes nothing writes nothing.
 */
@Service
public class CustomerPreferences {

    private static final SecureRandom random = new SecureRandom();

    private final PreferencesRepository preferences;
    private final CustomerRepository customers;
    private final PreferencesEvents events;
    private final Clock clock = Clock.systemUTC();

    CustomerPreferences(PreferencesRepository preferences, CustomerRepository customers, PreferencesEvents events) {
        this.preferences = preferences;
        this.customers = customers;
        this.events = events;
    }

    /** A new, unguessable unsubscribe token (192 random bits). */
    static String newUnsubscribeToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return "u_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Runs inside the registration's transaction: defaults, the first consent entry and the registered event. */
    @EventListener
    void on(CustomerSignedUp signedUp) {
        Customer customer = signedUp.customer();
        var initial = NotificationPreferences.defaults(signedUp.marketingOptIn());
        String token = newUnsubscribeToken();
        preferences.insertIfAbsent(customer.id(), initial, token, signedUp.at());
        preferences.record(customer.id(), new ConsentChange(signedUp.at(), ConsentSource.REGISTRATION, null, initial));
        events.registered(customer, initial, token, signedUp.at());
    }

    /** The name travels in the preferences event, so consumers' recipient directories learn the new one. */
    @EventListener
    void on(CustomerRenamed renamed) {
        PreferencesRepository.Stored stored = lockOrCreate(renamed.customer().id(), renamed.at());
        events.changed(renamed.customer(), stored.preferences(), stored.unsubscribeToken(), renamed.at());
    }

    /** @throws CustomerNotFoundException when the customer is unknown or deleted */
    @Transactional
    public NotificationPreferences of(CustomerId id) {
        customers.findById(id).filter(Customer::active).orElseThrow(() -> new CustomerNotFoundException(id));
        return preferences.find(id).orElseGet(() -> lockOrCreate(id, clock.instant())).preferences();
    }

    /**
     * Replaces the preferences by the customer's choice.
     *
     * @throws CustomerNotFoundException when the customer is unknown or deleted
     */
    @Transactional
    public NotificationPreferences change(CustomerId id, NotificationPreferences wanted) {
        Customer customer = customers.lockActive(id).orElseThrow(() -> new CustomerNotFoundException(id));
        Instant now = clock.instant();
        PreferencesRepository.Stored stored = lockOrCreate(id, now);
        apply(customer, stored, wanted, ConsentSource.CUSTOMER, now);
        return wanted;
    }

    /**
     * Turns e-mail off for one topic, as an unsubscribe link asks. Idempotent: when e-mail is off already
     * nothing is written or published.
     *
     * @throws UnknownUnsubscribeTokenException when no active customer has the token
     */
    @Transactional
    public Unsubscribed unsubscribe(String token, Topic topic) {
        return unsubscribe(token, EnumSet.of(topic));
    }

    /** Turns e-mail off for every topic but {@link Topic#ACCOUNT}; otherwise as {@link #unsubscribe(String, Topic)}. */
    @Transactional
    public Unsubscribed unsubscribeAll(String token) {
        return unsubscribe(token, EnumSet.complementOf(EnumSet.of(Topic.ACCOUNT)));
    }

    private Unsubscribed unsubscribe(String token, Set<Topic> topics) {
        PreferencesRepository.Stored stored = preferences.lockByToken(token)
                .orElseThrow(UnknownUnsubscribeTokenException::new);
        Customer customer = customers.findById(stored.customerId()).filter(Customer::active)
                .orElseThrow(UnknownUnsubscribeTokenException::new);
        boolean changed = apply(customer, stored, stored.preferences().withoutEmailFor(topics),
                ConsentSource.UNSUBSCRIBE_LINK, clock.instant());
        return new Unsubscribed(topics, changed);
    }

    /** Whether an unsubscribe token belongs to an active customer; changes nothing. */
    public boolean knows(String token) {
        return preferences.findByToken(token)
                .flatMap(stored -> customers.findById(stored.customerId()))
                .filter(Customer::active)
                .isPresent();
    }

    /** The customer's consent history, oldest first. */
    public List<ConsentChange> history(CustomerId id) {
        return preferences.history(id);
    }

    /** The customer's preferences, if any were ever stored; for the personal-data export. */
    public Optional<NotificationPreferences> stored(CustomerId id) {
        return preferences.find(id).map(PreferencesRepository.Stored::preferences);
    }

    /**
     * Deletes the preferences and revokes the unsubscribe token; part of an account's deletion and must run in
     * its transaction. The consent history stays: it is the record of what the person had agreed to.
     */
    @Transactional
    public void forget(CustomerId id) {
        preferences.delete(id);
    }

    private boolean apply(Customer customer, PreferencesRepository.Stored stored, NotificationPreferences wanted,
            ConsentSource source, Instant now) {
        if (wanted.equals(stored.preferences())) {
            return false;
        }
        preferences.update(customer.id(), wanted, now);
        preferences.record(customer.id(), new ConsentChange(now, source, stored.preferences(), wanted));
        events.changed(customer, wanted, stored.unsubscribeToken(), now);
        return true;
    }

    /**
     * The customer's preferences, locked; accounts created before preferences existed (the configured admin)
     * get the defaults without marketing consent, recorded as such.
     */
    private PreferencesRepository.Stored lockOrCreate(CustomerId id, Instant now) {
        return preferences.lock(id).orElseGet(() -> {
            var defaults = NotificationPreferences.defaults(false);
            if (preferences.insertIfAbsent(id, defaults, newUnsubscribeToken(), now)) {
                preferences.record(id, new ConsentChange(now, ConsentSource.DEFAULTS, null, defaults));
            }
            return preferences.lock(id).orElseThrow();
        });
    }
}
