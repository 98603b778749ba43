package dev.perfplatform.ratelimit.redis;

import dev.perfplatform.testing.redis.RedisNode;
import dev.perfplatform.testing.resp.RespClient;

/** Reads {@code INFO commandstats} of a redis-server the test started. */
final class CommandStats {

    private CommandStats() {}

    /** How many EVALSHA calls {@code node} has executed. */
    static long evalshaCalls(RedisNode node) {
        try (RespClient client = node.client()) {
            for (String line :
                    String.valueOf(client.command("INFO", "commandstats")).split("\r\n")) {
                if (line.startsWith("cmdstat_evalsha:")) {
                    return Long.parseLong(line.replaceAll("^cmdstat_evalsha:calls=(\\d+),.*$", "$1"));
                }
            }
            return 0;
        }
    }
}
