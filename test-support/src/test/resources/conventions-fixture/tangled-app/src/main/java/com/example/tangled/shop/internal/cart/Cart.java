package com.example.tangled.shop.internal.cart;

import com.example.tangled.shop.Shop;
import com.example.tangled.shop.internal.pricing.Prices;

/** Two packages under one internal using each other still make a cycle; the use of the public Shop does not. */
public class Cart {
    Shop shop;
    Prices prices;
}
