package com.example.tangled;

/** The parent package: its child uses it, it uses no child, so the two make no cycle. */
public class Tangled {}
