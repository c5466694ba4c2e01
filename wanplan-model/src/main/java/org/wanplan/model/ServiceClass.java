package org.wanplan.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Class of service of a demand: how its traffic is queued and what latency it is promised. */
public enum ServiceClass {
    /** Voice and video: strict priority, tight latency (ITU-T Y.1541 class 0). */
    REALTIME,
    /** Business data: assured forwarding (Y.1541 class 2/3). */
    BUSINESS,
    /** Everything else (Y.1541 class 5, unspecified). */
    BEST_EFFORT;

    /** Lower-case, hyphenated name used in files: {@code best-effort}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ServiceClass> fromLabel(String label) {
        return Arrays.stream(values())
                .filter(c -> c.label().equals(label.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
