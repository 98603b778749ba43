package com.example.tangled.ledger;

import com.example.tangled.report.Report;

/** ledger -> report -> audit -> ledger: a three-package cycle. */
public class Ledger {
    Report report;
}
