package com.example.shop.customer.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers in table {@code customer}; e-mail addresses are compared case-insensitively. */
@Repository
public class CustomerRepository {

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the customer unless the e-mail address is taken.
     *
     * @return {@code false} when another customer already has the address (in any letter case)
     */
    public boolean insertIfEmailFree(Customer customer) {
        return jdbc.sql("""
                insert into customer (id, email, name, password_hash, roles)
                values (:id, :email, :name, :hash, string_to_array(:roles, ','))
                on conflict ((lower(email))) do nothing
                """)
                .param("id", customer.id().value())
                .param("email", customer.email())
                .param("name", customer.name())
                .param("hash", customer.passwordHash())
                .param("roles", roles(customer.roles()))
                .update() == 1;
    }

    /**
     * Creates the customer or, when the e-mail address exists, replaces its password hash and roles. Atomic, so
     * replicas that start at once end with one row.
     */
    public Customer upsertByEmail(Customer customer) {
        return jdbc.sql("""
                insert into customer (id, email, name, password_hash, roles)
                values (:id, :email, :name, :hash, string_to_array(:roles, ','))
                on conflict ((lower(email))) do update
                    set password_hash = excluded.password_hash, roles = excluded.roles
                returning id, email, name, password_hash, roles
                """)
                .param("id", customer.id().value())
                .param("email", customer.email())
                .param("name", customer.name())
                .param("hash", customer.passwordHash())
                .param("roles", roles(customer.roles()))
                .query(CustomerRepository::map)
                .single();
    }

    public Optional<Customer> findByEmail(String email) {
        return jdbc.sql("select id, email, name, password_hash, roles from customer where lower(email) = lower(:email)")
                .param("email", email)
                .query(CustomerRepository::map)
                .optional();
    }

    public Optional<Customer> findById(CustomerId id) {
        return jdbc.sql("select id, email, name, password_hash, roles from customer where id = :id")
                .param("id", id.value())
                .query(CustomerRepository::map)
                .optional();
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    private static Customer map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return new Customer(new CustomerId(rs.getObject("id", UUID.class)), rs.getString("email"),
                rs.getString("name"), rs.getString("password_hash"), roles);
    }
}
