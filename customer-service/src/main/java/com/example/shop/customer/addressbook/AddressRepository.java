package com.example.shop.customer.addressbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.example.shop.customer.account.CustomerId;

/** Addresses in table {@code address}; every query is scoped to one customer. */
@Repository
class AddressRepository {

    private final JdbcClient jdbc;

    AddressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Address> of(CustomerId customer) {
        return jdbc.sql("select * from address where customer_id = :customer order by created_at, id")
                .param("customer", customer.value())
                .query(AddressRepository::map)
                .list();
    }

    Optional<Address> find(CustomerId customer, AddressId id) {
        return jdbc.sql("select * from address where customer_id = :customer and id = :id")
                .param("customer", customer.value())
                .param("id", id.value())
                .query(AddressRepository::map)
                .optional();
    }

    long count(CustomerId customer) {
        return jdbc.sql("select count(*) from address where customer_id = :customer")
                .param("customer", customer.value())
                .query(Long.class)
                .single();
    }

    void clearDefault(CustomerId customer) {
        jdbc.sql("update address set default_shipping = false where customer_id = :customer and default_shipping")
                .param("customer", customer.value())
                .update();
    }

    void insert(CustomerId customer, Address address) {
        AddressDetails d = address.details();
        jdbc.sql("""
                insert into address (id, customer_id, label, name, line1, line2, city, postal_code, country, phone,
                                     default_shipping, created_at)
                values (:id, :customer, :label, :name, :line1, :line2, :city, :postalCode, :country, :phone,
                        :defaultShipping, :createdAt)
                """)
                .param("id", address.id().value())
                .param("customer", customer.value())
                .param("label", d.label())
                .param("name", d.name())
                .param("line1", d.line1())
                .param("line2", d.line2(), java.sql.Types.VARCHAR)
                .param("city", d.city())
                .param("postalCode", d.postalCode())
                .param("country", d.country())
                .param("phone", d.phone(), java.sql.Types.VARCHAR)
                .param("defaultShipping", d.defaultShipping())
                .param("createdAt", Timestamp.from(address.createdAt()))
                .update();
    }

    void update(CustomerId customer, Address address) {
        AddressDetails d = address.details();
        jdbc.sql("""
                update address
                   set label = :label, name = :name, line1 = :line1, line2 = :line2, city = :city,
                       postal_code = :postalCode, country = :country, phone = :phone,
                       default_shipping = :defaultShipping
                 where id = :id and customer_id = :customer
                """)
                .param("id", address.id().value())
                .param("customer", customer.value())
                .param("label", d.label())
                .param("name", d.name())
                .param("line1", d.line1())
                .param("line2", d.line2(), java.sql.Types.VARCHAR)
                .param("city", d.city())
                .param("postalCode", d.postalCode())
                .param("country", d.country())
                .param("phone", d.phone(), java.sql.Types.VARCHAR)
                .param("defaultShipping", d.defaultShipping())
                .update();
    }

    boolean delete(CustomerId customer, AddressId id) {
        return jdbc.sql("delete from address where customer_id = :customer and id = :id")
                .param("customer", customer.value())
                .param("id", id.value())
                .update() == 1;
    }

    void deleteAll(CustomerId customer) {
        jdbc.sql("delete from address where customer_id = :customer").param("customer", customer.value()).update();
    }

    private static Address map(ResultSet rs, int row) throws SQLException {
        return new Address(new AddressId(rs.getObject("id", UUID.class)),
                new AddressDetails(rs.getString("label"), rs.getString("name"), rs.getString("line1"),
                        rs.getString("line2"), rs.getString("city"), rs.getString("postal_code"),
                        rs.getString("country"), rs.getString("phone"), rs.getBoolean("default_shipping")),
                rs.getTimestamp("created_at").toInstant());
    }
}
