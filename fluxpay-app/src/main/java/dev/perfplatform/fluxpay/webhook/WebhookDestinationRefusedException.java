package dev.perfplatform.fluxpay.webhook;

/** A webhook URL the guard refuses to send to: not http(s), or a host that is or resolves to a forbidden address. */
public final class WebhookDestinationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WebhookDestinationRefusedException(String message) {
        super(message, null, false, false);
    }
}
