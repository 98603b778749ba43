package com.example.tangled.shop.internal.pricing;

import com.example.tangled.shop.internal.cart.Cart;

/** Back to cart: internal.cart <-> internal.pricing. */
public class Prices {
    Cart cart;
}
