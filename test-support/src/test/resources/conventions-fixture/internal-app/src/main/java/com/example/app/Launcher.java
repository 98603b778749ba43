package com.example.app;

/** Uses another module's internal package by a qualified name, without importing it. */
class Launcher {
    Object start() {
        return new com.example.sloppy.internal.Base();
    }
}
