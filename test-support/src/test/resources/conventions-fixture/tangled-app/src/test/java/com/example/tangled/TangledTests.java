package com.example.tangled;

import com.example.tangled.core.Core;

/** Test sources are not checked: this parent -> child import makes no cycle with core -> parent. */
class TangledTests {
    Core core;
}
