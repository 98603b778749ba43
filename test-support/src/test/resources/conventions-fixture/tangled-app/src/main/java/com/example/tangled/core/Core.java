package com.example.tangled.core;

import com.example.tangled.Tangled;

/** A child package that depends on its parent only. */
public class Core {
    Tangled parent = new com.example.tangled.Tangled();
}
