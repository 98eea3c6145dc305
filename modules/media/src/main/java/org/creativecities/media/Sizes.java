package org.creativecities.media;

import java.util.Locale;

/** Byte counts as people read them in messages: "10 MB", "1.5 GB", "640 KB", "12 bytes" (units of 1024). */
public final class Sizes {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private Sizes() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.rint(value) || value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + UNITS[unit];
    }
}
