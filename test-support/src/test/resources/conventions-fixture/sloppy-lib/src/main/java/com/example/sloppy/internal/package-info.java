/** Internal, but not null-marked. */
package com.example.sloppy.internal;
