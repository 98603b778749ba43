package dev.perfplatform.fluxpay.webhook;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The webhook HTTP client's name resolver: every host it connects to is resolved through {@link WebhookUrlGuard}, so
 * the addresses checked are the addresses connected to. Resolution blocks, like Netty's default JDK resolver.
 */
final class GuardedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final WebhookUrlGuard guard;

    GuardedAddressResolverGroup(WebhookUrlGuard guard) {
        this.guard = guard;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new GuardedNameResolver(executor, guard));
    }

    /** Resolves a host name through the guard. */
    private static final class GuardedNameResolver extends InetNameResolver {

        private final WebhookUrlGuard guard;

        GuardedNameResolver(EventExecutor executor, WebhookUrlGuard guard) {
            super(executor);
            this.guard = guard;
        }

        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) {
            try {
                promise.setSuccess(guard.resolve(host).get(0));
            } catch (Exception e) {
                promise.setFailure(e);
            }
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
            try {
                promise.setSuccess(guard.resolve(host));
            } catch (Exception e) {
                promise.setFailure(e);
            }
        }
    }
}
