package org.nqs4j.vmc.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.io.Json;
import org.nqs4j.vmc.parallel.Collective;

/**
 * Every rank reads the config itself (from a shared file system); a rank that read another file
 * or another version would run other steps and hang or corrupt the collectives. Rank 0 broadcasts
 * the SHA-256 of its resolved config and every rank compares it with its own. {@code threads} is
 * left out: it is per rank (and does not change the numbers).
 */
final class ConfigAgreement {
    private ConfigAgreement() {
    }

    static void check(RunConfig config, Collective collective) {
        if (collective.size() == 1) {
            return;
        }
        Map<String, Object> resolved = new LinkedHashMap<>(config.resolved());
        resolved.remove("threads");
        byte[] own = sha256(Json.write(resolved));
        byte[] root = own.clone();
        collective.broadcast(root, 0);
        if (!Arrays.equals(own, root)) {
            throw new ConfigException("rank " + collective.rank() + " read a config (" + config.source()
                    + ") that differs from rank 0's: every rank must see the same file (a shared file system)");
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
