package com.example.tangled.order;

import com.example.tangled.payment.Payment;

/** Order and payment depend on each other: a two-package cycle. */
public class Order {
    Payment pay() {
        return new Payment();
    }
}
