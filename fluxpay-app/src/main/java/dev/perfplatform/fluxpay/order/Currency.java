package dev.perfplatform.fluxpay.order;

/** The currencies the engine takes; amounts are integers in each one's minor unit (KRW and JPY have none). */
public enum Currency {
    KRW,
    USD,
    JPY,
    EUR
}
