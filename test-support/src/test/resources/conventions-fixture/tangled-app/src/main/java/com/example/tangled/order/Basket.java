package com.example.tangled.order;

import com.example.tangled.payment.Payment;

/** The lexicographically first file of the order -> payment edge, so the one the message names. */
public class Basket {
    Payment payment;
}
