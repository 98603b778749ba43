package dev.perfplatform.jmx.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The server's command line: flags first, then the {@code JMX_SCRAPER_*} environment, then the defaults; passwords
 * only from the environment, so they never show in a process list.
 *
 * @param action what to do
 * @param config the configuration file (null unless serving)
 * @param settings where and how to listen (null unless serving)
 */
record CommandLine(
        Action action, @Nullable Path config, @Nullable ServerSettings settings) {

    /** What the command line asks for. */
    enum Action {
        SERVE,
        HELP,
        VERSION
    }

    static final String USAGE = """
            Usage: java -jar jmx-scraper-standalone.jar --config <file> [options]

            Serves the JMX MBeans of the configured Jolokia targets as Prometheus metrics.

              --config <file>            configuration file, reloaded when it changes    (JMX_SCRAPER_CONFIG)
              --port <port>              port to listen on, default 9090                 (JMX_SCRAPER_PORT)
              --host <address>           address to bind, default 127.0.0.1 (loopback)   (JMX_SCRAPER_HOST)
              --basic-auth-user <user>   require basic auth; the password is taken from  (JMX_SCRAPER_BASIC_AUTH_USER)
                                         JMX_SCRAPER_BASIC_AUTH_PASSWORD
              --tls-keystore <file>      serve HTTPS with this PKCS12 keystore; its      (JMX_SCRAPER_TLS_KEYSTORE)
                                         password is taken from JMX_SCRAPER_TLS_KEYSTORE_PASSWORD
              --help                     print this help
              --version                  print the version

            A flag wins over its environment variable. Exit status: 0 after a normal stop (SIGTERM, SIGINT),
            2 on a usage or configuration error, 1 when the server cannot start.
            """;

    private static final Map<String, String> FLAGS = Map.of(
            "--config", "JMX_SCRAPER_CONFIG",
            "--port", "JMX_SCRAPER_PORT",
            "--host", "JMX_SCRAPER_HOST",
            "--basic-auth-user", "JMX_SCRAPER_BASIC_AUTH_USER",
            "--tls-keystore", "JMX_SCRAPER_TLS_KEYSTORE");

    /**
     * Parses the arguments with the environment.
     *
     * @throws IllegalArgumentException with a message for the user when they are invalid
     */
    static CommandLine parse(List<String> args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                return new CommandLine(Action.HELP, null, null);
            }
            if (arg.equals("--version")) {
                return new CommandLine(Action.VERSION, null, null);
            }
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            if (!FLAGS.containsKey(flag)) {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            values.put(flag, value);
        }
        FLAGS.forEach((flag, variable) -> {
            String fromEnv = env.get(variable);
            if (!values.containsKey(flag) && fromEnv != null && !fromEnv.isEmpty()) {
                values.put(flag, fromEnv);
            }
        });
        String config = values.get("--config");
        if (config == null) {
            throw new IllegalArgumentException("--config <file> (or JMX_SCRAPER_CONFIG) is required");
        }
        String keystore = values.get("--tls-keystore");
        return new CommandLine(
                Action.SERVE,
                Path.of(config),
                settings(
                        values.getOrDefault("--host", ServerSettings.DEFAULT_HOST),
                        port(values.get("--port")),
                        values.get("--basic-auth-user"),
                        env.get("JMX_SCRAPER_BASIC_AUTH_PASSWORD"),
                        keystore == null ? null : Path.of(keystore),
                        env.get("JMX_SCRAPER_TLS_KEYSTORE_PASSWORD")));
    }

    private static ServerSettings settings(
            String host,
            int port,
            @Nullable String user,
            @Nullable String password,
            @Nullable Path keystore,
            @Nullable String keystorePassword) {
        if (user != null && password == null) {
            throw new IllegalArgumentException(
                    "--basic-auth-user needs the password in the environment variable JMX_SCRAPER_BASIC_AUTH_PASSWORD");
        }
        if (keystore != null && keystorePassword == null) {
            throw new IllegalArgumentException(
                    "--tls-keystore needs the password in the environment variable JMX_SCRAPER_TLS_KEYSTORE_PASSWORD");
        }
        return new ServerSettings(host, port, user, password, keystore, keystorePassword);
    }

    private static int port(@Nullable String text) {
        if (text == null) {
            return ServerSettings.DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535: " + text);
    }
}
