package dev.perfplatform.moalog.security;

/** The {@code token_type} claim: what a token may be used for. */
public enum TokenType {
    ACCESS("access"),
    REFRESH("refresh"),
    SIGNUP("signup");

    /** The claim's name. */
    public static final String CLAIM = "token_type";

    private final String claim;

    TokenType(String claim) {
        this.claim = claim;
    }

    /** The claim's value on the wire. */
    public String claim() {
        return claim;
    }
}
