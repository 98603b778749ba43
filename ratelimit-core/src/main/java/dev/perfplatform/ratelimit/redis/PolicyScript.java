package dev.perfplatform.ratelimit.redis;

import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.internal.AlgorithmCodes;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The keys and arguments of one policy's script calls, prepared once. Every key of a request shares the hash tag
 * {@code {policy:key}}, so a policy's state lives in one Redis Cluster slot; a user key's {@code }} and {@code %}
 * are escaped so it cannot end the tag early. A fingerprint of the limits follows the tag, so changing a policy's
 * limits starts from fresh state instead of misreading the old one. Both scripts ({@link RedisScript}) take these
 * keys and arguments.
 */
final class PolicyScript {

    private final String prefix;
    private final String policyName;
    private final String suffix;
    private final int limits;
    private final String[] limitArgs;
    private final RedisScript script;

    PolicyScript(String keyPrefix, RateLimitPolicy policy) {
        this.prefix = keyPrefix;
        this.policyName = policy.name();
        List<Limit> all = policy.limits();
        this.limits = all.size();
        this.script = RedisScript.of(policy);
        this.suffix = "}" + fingerprint(all);
        this.limitArgs = new String[1 + all.size() * 5];
        limitArgs[0] = String.valueOf(all.size());
        for (int i = 0; i < all.size(); i++) {
            Limit limit = all.get(i);
            int base = 1 + i * 5;
            limitArgs[base] = String.valueOf(AlgorithmCodes.of(limit.algorithm()));
            limitArgs[base + 1] = String.valueOf(limit.capacity());
            limitArgs[base + 2] = String.valueOf(limit.refillTokens());
            limitArgs[base + 3] = String.valueOf(limit.periodTicks());
            limitArgs[base + 4] = String.valueOf(limit.resolutionMicros());
        }
    }

    /** The script that decides for this policy. */
    RedisScript script() {
        return script;
    }

    /**
     * The hash tag of {@code key}'s state under {@code policy}, in braces: every key of the policy's calls for it is in
     * this tag's Redis Cluster slot.
     */
    static String hashTag(RateLimitPolicy policy, String key) {
        return "{" + policy.name() + ":" + escape(key) + "}";
    }

    /** KEYS: the state hash, then one log key per limit. */
    String[] keys(String key) {
        String state = prefix + "{" + policyName + ":" + escape(key) + suffix;
        String[] keys = new String[1 + limits];
        keys[0] = state;
        for (int i = 0; i < limits; i++) {
            keys[1 + i] = state + ":log" + i;
        }
        return keys;
    }

    /**
     * ARGV for requests of {@code permits} each (0 = peek), evaluated in order at {@code nowMicros}, or at Redis time
     * when negative.
     */
    String[] args(long nowMicros, long[] permits, int count) {
        String[] args = new String[2 + count + limitArgs.length];
        args[0] = nowMicros < 0 ? "" : String.valueOf(nowMicros);
        args[1] = String.valueOf(count);
        for (int i = 0; i < count; i++) {
            args[2 + i] = String.valueOf(permits[i]);
        }
        System.arraycopy(limitArgs, 0, args, 2 + count, limitArgs.length);
        return args;
    }

    static String escape(String key) {
        if (key.indexOf('}') < 0 && key.indexOf('%') < 0) {
            return key;
        }
        return key.replace("%", "%25").replace("}", "%7D");
    }

    private static String fingerprint(List<Limit> limits) {
        CRC32 crc = new CRC32();
        for (Limit limit : limits) {
            String text = limit.algorithm() + "/" + limit.capacity() + "/" + limit.refillTokens() + "/"
                    + limit.periodTicks() + "/" + limit.resolutionMicros() + ";";
            crc.update(text.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
