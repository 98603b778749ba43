package com.example.tangled.report;

import static com.example.tangled.audit.Audit.record;

/** Reaches audit through a static import only. */
public class Report {
    void publish() {
        record("published");
    }
}
