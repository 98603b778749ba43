@NullMarked
package com.example.tidy;

import org.jspecify.annotations.NullMarked;
