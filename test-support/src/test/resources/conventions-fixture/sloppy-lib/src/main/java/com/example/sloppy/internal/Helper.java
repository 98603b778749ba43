package com.example.sloppy.internal;

public class Helper {
    /** A nested type of an internal type is internal too. */
    public static class Part {}
}
