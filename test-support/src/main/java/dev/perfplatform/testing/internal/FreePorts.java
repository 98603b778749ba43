package dev.perfplatform.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;

/**
 * Picks free TCP ports on 127.0.0.1 and never hands out the same port (or cluster bus port) twice in this JVM, so
 * that nodes started one after the other do not collide.
 */
public final class FreePorts {

    private static final int CLUSTER_BUS_OFFSET = 10_000;
    private static final int MAX_ATTEMPTS = 100;
    private static final InetAddress LOOPBACK = loopback();
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {}

    /** A free port. */
    public static int next() {
        return pick(false);
    }

    /** A free port whose cluster bus port ({@code port + 10000}) is free and at most 65535 as well. */
    public static int nextWithClusterBus() {
        return pick(true);
    }

    private static synchronized int pick(boolean clusterBus) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int port = ephemeral();
            int bus = port + CLUSTER_BUS_OFFSET;
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            if (clusterBus) {
                if (bus > 65_535 || HANDED_OUT.contains(bus) || !isFree(bus)) {
                    continue;
                }
                HANDED_OUT.add(bus);
            }
            HANDED_OUT.add(port);
            return port;
        }
        throw new IllegalStateException("no free port" + (clusterBus ? " with a free cluster bus port" : "")
                + " on 127.0.0.1 after " + MAX_ATTEMPTS + " attempts");
    }

    private static int ephemeral() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a server socket on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is a valid address", e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
