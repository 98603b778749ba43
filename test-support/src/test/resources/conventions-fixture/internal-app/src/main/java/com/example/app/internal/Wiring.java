package com.example.app.internal;

public class Wiring {}
