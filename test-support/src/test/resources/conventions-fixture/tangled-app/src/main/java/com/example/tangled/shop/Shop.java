package com.example.tangled.shop;

import com.example.tangled.shop.internal.DefaultShop;

/** A public package that creates its implementation in its internal package, which implements it: no cycle. */
public interface Shop {
    static Shop create() {
        return new DefaultShop();
    }
}
