package com.example.tangled.payment;

import com.example.tangled.order.*;

/** Back to order through an on-demand import. */
public class Payment {
    Order order;
}
