package com.example.sloppy.internal;

public class HelperFailure extends Exception {}
