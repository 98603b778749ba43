package dev.perfplatform.testing.redis;

import dev.perfplatform.testing.internal.FreePorts;
import dev.perfplatform.testing.internal.Waits;
import dev.perfplatform.testing.resp.RespClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Starts a master, a replica of it and a Sentinel monitoring both, and waits until the Sentinel knows them. */
final class SentinelBootstrap {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private SentinelBootstrap() {}

    static void create(RedisServerProcess group) {
        RedisNode master = group.startNode(
                RedisNode.Role.MASTER,
                FreePorts.next(),
                "--repl-diskless-sync-delay",
                "0"); // the default 5 s delay would slow down the first sync
        String masterPort = Integer.toString(master.port());
        RedisNode replica =
                group.startNode(RedisNode.Role.REPLICA, FreePorts.next(), "--replicaof", RedisNode.HOST, masterPort);
        Waits.await(READY_TIMEOUT, replica + " to report master_link_status:up", () -> {
            try (RespClient client = replica.client()) {
                String info = Objects.requireNonNull(client.string("INFO", "replication"));
                if (!info.contains("master_link_status:up")) {
                    throw new Waits.NotYet("replication not up yet");
                }
                return Boolean.TRUE;
            }
        });

        int port = FreePorts.next();
        Path dir = group.nodeDir(port);
        Path conf = dir.resolve("sentinel.conf");
        writeConfig(
                conf,
                String.join(
                        "\n",
                        "port " + port,
                        "bind " + RedisNode.HOST,
                        "dir \"" + dir + "\"",
                        "logfile \"" + dir.resolve(RedisNode.LOG_FILE) + "\"",
                        "sentinel monitor " + RedisServerProcess.MASTER_NAME + " " + RedisNode.HOST + " " + masterPort
                                + " 1",
                        "sentinel down-after-milliseconds " + RedisServerProcess.MASTER_NAME + " 1000",
                        "sentinel failover-timeout " + RedisServerProcess.MASTER_NAME + " 3000",
                        ""));
        RedisNode sentinel =
                group.startNode(RedisNode.Role.SENTINEL, port, dir, List.of(conf.toString(), "--sentinel"));
        Waits.await(READY_TIMEOUT, sentinel + " to monitor " + master + " and " + replica, () -> {
            try (RespClient client = sentinel.client()) {
                Object address = client.command("SENTINEL", "get-master-addr-by-name", RedisServerProcess.MASTER_NAME);
                if (!List.of(RedisNode.HOST, masterPort).equals(address)) {
                    throw new Waits.NotYet("get-master-addr-by-name answers " + address);
                }
                Object replicas = client.command("SENTINEL", "replicas", RedisServerProcess.MASTER_NAME);
                boolean known = replicas instanceof List<?> list
                        && list.stream()
                                .map(SentinelBootstrap::fields)
                                .anyMatch(fields ->
                                        Integer.toString(replica.port()).equals(fields.get("port"))
                                                && "slave".equals(fields.get("flags")));
                if (!known) {
                    throw new Waits.NotYet("SENTINEL replicas answers " + replicas);
                }
                return Boolean.TRUE;
            }
        });
    }

    /** A Sentinel reply entry (a flat list of alternating names and values) as a map. */
    private static Map<String, String> fields(Object entry) {
        Map<String, String> fields = new HashMap<>();
        if (entry instanceof List<?> list) {
            for (int i = 0; i + 1 < list.size(); i += 2) {
                fields.put(String.valueOf(list.get(i)), String.valueOf(list.get(i + 1)));
            }
        }
        return fields;
    }

    private static void writeConfig(Path conf, String text) {
        try {
            Files.writeString(conf, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + conf, e);
        }
    }
}
