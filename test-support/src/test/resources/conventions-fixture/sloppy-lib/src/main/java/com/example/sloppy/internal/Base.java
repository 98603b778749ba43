package com.example.sloppy.internal;

public class Base {}
