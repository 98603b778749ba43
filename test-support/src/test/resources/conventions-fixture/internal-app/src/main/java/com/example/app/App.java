package com.example.app;

import com.example.app.internal.Wiring;
import com.example.sloppy.internal.Helper;

/** Imports another module's internal package, and its own internal package, which it may. */
public class App {
    public static void main(String[] args) {
        new Helper();
        new Wiring();
    }
}
