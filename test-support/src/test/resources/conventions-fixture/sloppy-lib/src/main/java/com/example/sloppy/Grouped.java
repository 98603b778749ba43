package com.example.sloppy;

import com.example.sloppy.internal.*;

/** Reaches its internal type through an on-demand import. */
public interface Grouped {
    Helper first();
}
