package com.example.tangled.audit;

/** Reaches ledger through a qualified name in the code only, without an import. */
public class Audit {
    public static void record(String event) {}

    com.example.tangled.ledger.Ledger ledger;
}
