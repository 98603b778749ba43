package com.example.tangled.shop.internal;

import com.example.tangled.shop.Shop;
import com.example.tangled.shop.internal.cart.Cart;

/** Implements the public API it is created by (internal -> public, exempt) and uses a deeper internal package. */
public class DefaultShop implements Shop {
    Cart cart;
}
