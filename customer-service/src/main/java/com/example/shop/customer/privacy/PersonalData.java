package com.example.shop.customer.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.example.shop.customer.account.Customer;
import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.account.CustomerNotFoundException;
import com.example.shop.customer.account.CustomerRepository;
import com.example.shop.customer.account.Profiles;
import com.example.shop.customer.addressbook.AddressBook;
import com.example.shop.customer.preferences.CustomerPreferences;
import com.example.shop.customer.survey.Surveys;

import tools.jackson.databind.JsonNode;

/**
 * A customer's rights over their data: a complete export (this service's data and every other service's), and
 * deletion, which anonymises the account here and tells the other services by {@code customer.deleted.v1}.
 */
@Service
public class PersonalData {

    private final Profiles profiles;
    private final CustomerRepository customers;
    private final AddressBook addresses;
    private final CustomerPreferences preferences;
    private final Surveys surveys;
    private final PersonalDataSources sources;
    private final DeletionEvents events;
    private final PasswordEncoder passwords;
    private final Clock clock = Clock.systemUTC();

    PersonalData(Profiles profiles, CustomerRepository customers, AddressBook addresses,
            CustomerPreferences preferences, Surveys surveys, PersonalDataSources sources, DeletionEvents events,
            PasswordEncoder passwords) {
        this.profiles = profiles;
        this.customers = customers;
        this.addresses = addresses;
        this.preferences = preferences;
        this.surveys = surveys;
        this.sources = sources;
        this.events = events;
        this.passwords = passwords;
    }

    /**
     * Everything about the customer. The other services are asked first, outside any transaction; if one of them
     * cannot answer, there is no export at all.
     *
     * @throws CustomerNotFoundException when the customer is unknown or deleted
     * @throws PersonalDataUnavailableException when another service cannot be asked
     */
    public PersonalDataExport export(CustomerId id) {
        profiles.active(id);
        List<JsonNode> services = sources.collect(id);
        Customer customer = profiles.active(id);
        return new PersonalDataExport(clock.instant(), customer, customers.createdAt(id).orElse(null),
                addresses.of(id), preferences.stored(id).orElse(null), preferences.history(id), surveys.of(id),
                services);
    }

    /**
     * Deletes (anonymises) the account in one transaction: profile, addresses, preferences and unsubscribe token,
     * the person behind survey answers, and {@code customer.deleted.v1} to the outbox. The consent history stays
     * as the record of what was agreed, under the bare customer id.
     *
     * @throws CustomerNotFoundException when the customer is unknown or deleted already (so deleting twice
     *     publishes one event)
     * @throws LastAdministratorException when the customer is the only active administrator
     */
    @Transactional
    public void delete(CustomerId id) {
        Customer customer = customers.findById(id).filter(Customer::active)
                .orElseThrow(() -> new CustomerNotFoundException(id));
        if (customer.admin() && customers.lockActiveAdmins() <= 1) {
            throw new LastAdministratorException();
        }
        Instant now = clock.instant();
        // BCrypt of a random secret nobody ever saw: no password matches it.
        if (!customers.anonymise(id, passwords.encode(UUID.randomUUID().toString()), now)) {
            throw new CustomerNotFoundException(id);
        }
        addresses.forget(id);
        preferences.forget(id);
        surveys.forget(id);
        events.deleted(id, now);
    }
}
