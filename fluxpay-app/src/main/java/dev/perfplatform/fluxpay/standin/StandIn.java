package dev.perfplatform.fluxpay.standin;

/**
 * A stand-in in use: what it is, the property that chooses it, what chose it this time (the property or the embedded
 * development mode), and what makes it unsafe for real use.
 */
public record StandIn(String name, String property, String chosenBy, String risk) {}
