package com.example.shop.resilience;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A customer the suite registered, and the orders it placed for them. */
final class Shopper {

    final String id;
    final String email;
    final String password;
    final String token;
    /** The fault that was running when the customer arrived: violations are counted against it. */
    final String phase;
    final List<OrderRun> orders = new CopyOnWriteArrayList<>();

    Shopper(String id, String email, String password, String token, String phase) {
        this.id = id;
        this.email = email;
        this.password = password;
        this.token = token;
        this.phase = phase;
    }
}
