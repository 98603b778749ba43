package dev.perfplatform.moalog.standin;

/** A stand-in in use: what it is, the property that chose it, and what makes it unsafe for real use. */
public record StandIn(String name, String property, String risk) {}
