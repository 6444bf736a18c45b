package org.nqs4j.vmc.cli;

import java.util.Locale;

/** Formats an estimate as "mean ± error" with the error's first two significant digits. */
public final class Format {
    private Format() {
    }

    public static String pm(double mean, double error) {
        if (!(error > 0) || !Double.isFinite(error)) {
            return String.format(Locale.ROOT, "%.10g ± %s", mean, error == 0 ? "0" : "nan");
        }
        int digits = Math.max(0, 1 - (int) Math.floor(Math.log10(error)));
        String f = "%." + Math.min(digits, 15) + "f";
        return String.format(Locale.ROOT, f + " ± " + f, mean, error);
    }
}
