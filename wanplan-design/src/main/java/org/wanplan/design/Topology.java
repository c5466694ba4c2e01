package org.wanplan.design;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.wanplan.model.Site;
import org.wanplan.model.SiteRole;

/** Which sites talk to which. */
public enum Topology {
    /** Every site with every other. */
    ANY_TO_ANY,
    /** Spokes with hubs only; hubs with each other. */
    HUB_SPOKE;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace("_to_", "-to-").replace('_', '-');
    }

    public static Optional<Topology> fromLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label().equals(label)).findFirst();
    }

    boolean talks(Site a, Site b) {
        return this == ANY_TO_ANY || a.role() == SiteRole.HUB || b.role() == SiteRole.HUB;
    }
}
