package org.nqs4j.vmc.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One test the run applies to its own final estimate ({@link ResultChecks}), as listed in
 * {@code summary.json} → {@code checks}.
 *
 * @param name      what is tested, e.g. {@code r_hat}
 * @param value     the measured value (NaN when it could not be measured)
 * @param threshold the limit it is held to
 * @param passed    whether the value is within the limit
 * @param message   the verdict in words, saying what a failure means
 */
public record ResultCheck(String name, double value, double threshold, boolean passed, String message) {
    /** The entry of {@code summary.json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("value", value);
        m.put("threshold", threshold);
        m.put("passed", passed);
        m.put("message", message);
        return m;
    }
}
