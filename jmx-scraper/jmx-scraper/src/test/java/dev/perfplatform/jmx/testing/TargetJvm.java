package dev.perfplatform.jmx.testing;

import dev.perfplatform.testing.internal.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM running {@link TestMBeansApp} with the real Jolokia agent ({@code executor=fixed}) on one loopback
 * port and JMX remote over RMI (no auth, no SSL) on another, for jmx_exporter. {@link #close()} kills it.
 *
 * <pre>{@code
 * try (TargetJvm jvm = TargetJvm.builder().attributes(1000).start()) {
 *     URI jolokia = jvm.jolokiaUrl();
 * }
 * }</pre>
 */
public final class TargetJvm implements AutoCloseable {

    private final ChildProcess process;
    private final int jolokiaPort;
    private final int rmiPort;

    private TargetJvm(ChildProcess process, int jolokiaPort, int rmiPort) {
        this.process = process;
        this.jolokiaPort = jolokiaPort;
        this.rmiPort = rmiPort;
    }

    /** A builder for a target with only the fixed test MBeans. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a target with only the fixed test MBeans. */
    public static TargetJvm start() throws IOException {
        return builder().start();
    }

    /** The Jolokia agent's base URL, {@code http://127.0.0.1:<port>/jolokia}. */
    public URI jolokiaUrl() {
        return URI.create("http://127.0.0.1:" + jolokiaPort + "/jolokia");
    }

    /** The JMX remote port (RMI registry and server), for {@code hostPort: 127.0.0.1:<port>}. */
    public int rmiPort() {
        return rmiPort;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }

    /** Options of a {@link TargetJvm}. */
    public static final class Builder {
        private int attributes;
        private long slowMillis;
        private final List<String> jvmOptions = new ArrayList<>();

        private Builder() {}

        /** Extra generated numeric attributes ({@code test:type=Generated,name=gN}, 50 per MBean). */
        public Builder attributes(int count) {
            this.attributes = count;
            return this;
        }

        /** Registers {@code test:type=Slow}, whose one getter sleeps this long on every read. */
        public Builder slowMillis(long millis) {
            this.slowMillis = millis;
            return this;
        }

        /** An extra JVM option, for example {@code -Xmx64m}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** Starts the JVM and waits until Jolokia answers. */
        public TargetJvm start() throws IOException {
            int jolokiaPort = FreePorts.next();
            int rmiPort = FreePorts.next();
            List<String> command = new ArrayList<>();
            command.add(TestJars.java().toString());
            command.addAll(jvmOptions);
            command.add("-javaagent:" + TestJars.jolokiaAgent() + "=host=127.0.0.1,port=" + jolokiaPort
                    + ",executor=fixed,threadNr=4");
            command.add("-Dcom.sun.management.jmxremote.port=" + rmiPort);
            command.add("-Dcom.sun.management.jmxremote.rmi.port=" + rmiPort);
            command.add("-Dcom.sun.management.jmxremote.host=127.0.0.1");
            command.add("-Dcom.sun.management.jmxremote.authenticate=false");
            command.add("-Dcom.sun.management.jmxremote.ssl=false");
            command.add("-Djava.rmi.server.hostname=127.0.0.1");
            command.add("-cp");
            command.add(testClasses());
            command.add(TestMBeansApp.class.getName());
            command.add("attributes=" + attributes);
            command.add("slowMillis=" + slowMillis);
            URI ready = URI.create("http://127.0.0.1:" + jolokiaPort + "/jolokia/version");
            return new TargetJvm(ChildProcess.start(command, ready, "target-jvm", "READY"), jolokiaPort, rmiPort);
        }

        private static String testClasses() {
            try {
                return Path.of(TestMBeansApp.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
