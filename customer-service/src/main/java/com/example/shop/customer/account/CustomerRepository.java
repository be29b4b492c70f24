package com.example.shop.customer.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers in table {@code customer}; e-mail addresses are compared case-insensitively. */
@Repository
public class CustomerRepository {

    private static final String COLUMNS = "id, email, name, password_hash, roles, status";

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
                returning id, email, name, password_hash, roles, status
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
        return jdbc.sql("select " + COLUMNS + " from customer where lower(email) = lower(:email)")
                .param("email", email)
                .query(CustomerRepository::map)
                .optional();
    }

    public Optional<Customer> findById(CustomerId id) {
        return jdbc.sql("select " + COLUMNS + " from customer where id = :id")
                .param("id", id.value())
                .query(CustomerRepository::map)
                .optional();
    }

    /** Reads and locks an active customer until the transaction ends, so changes to it are serialised. */
    public Optional<Customer> lockActive(CustomerId id) {
        return jdbc.sql("select " + COLUMNS + " from customer where id = :id and status = 'ACTIVE' for update")
                .param("id", id.value())
                .query(CustomerRepository::map)
                .optional();
    }

    public void rename(CustomerId id, String name) {
        jdbc.sql("update customer set name = :name where id = :id").param("id", id.value()).param("name", name)
                .update();
    }

    /** When the account was created. */
    public Optional<Instant> createdAt(CustomerId id) {
        return jdbc.sql("select created_at from customer where id = :id").param("id", id.value())
                .query((rs, row) -> rs.getTimestamp("created_at").toInstant())
                .optional();
    }

    /**
     * Replaces everything that names the person: the address becomes {@code deleted-<id>@invalid} (which frees
     * the real one for a new registration), the name "Deleted customer", the password hash one nobody knows the
     * password of, and the roles only CUSTOMER.
     *
     * @return {@code false} when the customer was not active (unknown or deleted already)
     */
    public boolean anonymise(CustomerId id, String unusablePasswordHash, Instant at) {
        return jdbc.sql("""
                update customer
                   set email = :email, name = 'Deleted customer', password_hash = :hash,
                       roles = array['CUSTOMER'], status = 'DELETED', deleted_at = :at
                 where id = :id and status = 'ACTIVE'
                """)
                .param("id", id.value())
                .param("email", "deleted-" + id + "@invalid")
                .param("hash", unusablePasswordHash)
                .param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Active administrators, locked so two deletions of the last two admins cannot both pass the check. */
    public long lockActiveAdmins() {
        return jdbc.sql("select id from customer where status = 'ACTIVE' and 'ADMIN' = any(roles) order by id for update")
                .query(UUID.class).list().size();
    }

    /**
     * Customers whose address contains {@code emailPart} (any letter case; all when blank), newest first.
     */
    public List<Customer> search(String emailPart, int limit) {
        String pattern = "%" + (emailPart == null ? "" : emailPart.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return jdbc.sql("select " + COLUMNS + " from customer where lower(email) like :pattern "
                + "order by created_at desc, id limit :limit")
                .param("pattern", pattern)
                .param("limit", limit)
                .query(CustomerRepository::map)
                .list();
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    private static Customer map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return new Customer(new CustomerId(rs.getObject("id", UUID.class)), rs.getString("email"),
                rs.getString("name"), rs.getString("password_hash"), roles,
                CustomerStatus.valueOf(rs.getString("status")));
    }
}
