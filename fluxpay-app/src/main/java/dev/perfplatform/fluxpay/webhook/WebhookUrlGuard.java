package dev.perfplatform.fluxpay.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The SSRF guard on merchant webhook URLs: only {@code http} and {@code https}, and only hosts whose every resolved
 * address is public ({@link ForbiddenAddresses}), unless the host is listed in {@code fluxpay.webhooks.allowed-hosts}.
 * Checked when a URL is configured, before every attempt, and again by the HTTP client's resolver on the very
 * addresses it connects to, so a name re-pointed after the check (DNS rebinding) is refused as well.
 */
@Component
public class WebhookUrlGuard {

    private final List<String> allowedHosts;

    public WebhookUrlGuard(WebhookSettings settings) {
        this.allowedHosts = settings.allowedHosts();
    }

    /**
     * The URL, checked and resolved (blocking: DNS).
     *
     * @throws WebhookDestinationRefusedException when it is refused
     * @throws UnknownHostException when its host does not resolve
     */
    public URI check(String url) throws UnknownHostException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new WebhookDestinationRefusedException("the webhook URL is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new WebhookDestinationRefusedException("webhook URLs must be http or https");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new WebhookDestinationRefusedException("the webhook URL has no host");
        }
        if (uri.getUserInfo() != null) {
            throw new WebhookDestinationRefusedException("webhook URLs must not carry credentials");
        }
        resolve(host);
        return uri;
    }

    /**
     * Every address of {@code host} (a name or a literal, IPv6 with or without brackets), each checked unless the host
     * is allowed (blocking: DNS).
     *
     * @throws WebhookDestinationRefusedException when one of them is forbidden
     */
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses = List.of(InetAddress.getAllByName(bare));
        if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            String reason = ForbiddenAddresses.reason(address);
            if (reason != null) {
                throw new WebhookDestinationRefusedException("refused to send to " + bare + ": "
                        + address.getHostAddress() + " is " + reason
                        + " (list the host in fluxpay.webhooks.allowed-hosts to allow it)");
            }
        }
        return addresses;
    }
}
