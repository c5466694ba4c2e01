package org.wanplan.model;

import java.util.Optional;

/** What lies at a point of the earth: a country's land, or the sea. */
@FunctionalInterface
public interface Terrain {
    /** ISO code of the country whose land is at {@code p} ("--" for land of no ISO country), or empty at sea. */
    Optional<String> countryAt(GeoPoint p);

    default boolean isLand(GeoPoint p) {
        return countryAt(p).isPresent();
    }
}
