package org.wanplan.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A point of presence: a site where the operator's fibre spans meet and customers are homed.
 *
 * @param id unique within the network
 * @param name the city or site name as people say it
 * @param countryCode ISO 3166-1 alpha-2 code (upper case; {@code XK} for Kosovo), empty when unknown
 * @param location WGS84 position; empty for imported nodes that have none (off-net peers)
 * @param population metro population of the city, empty when unknown
 */
public record Pop(
        PopId id, String name, Optional<String> countryCode, Optional<GeoPoint> location, OptionalLong population) {
    private static final Pattern ISO_ALPHA2 = Pattern.compile("[A-Z]{2}");

    public Pop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(population, "population");
        countryCode.flatMap(Pop::countryCodeProblem).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        if (population.isPresent() && population.getAsLong() < 0) {
            throw new IllegalArgumentException("population must be ≥ 0, was " + population.getAsLong());
        }
    }

    /** A PoP with a known position and nothing else. */
    public static Pop of(String id, String name, double latitude, double longitude) {
        return new Pop(
                PopId.of(id),
                name,
                Optional.empty(),
                Optional.of(new GeoPoint(latitude, longitude)),
                OptionalLong.empty());
    }

    /** Why {@code code} is not an ISO 3166-1 alpha-2 code, or empty when it is one in form. */
    public static Optional<String> countryCodeProblem(String code) {
        return ISO_ALPHA2.matcher(code).matches()
                ? Optional.empty()
                : Optional.of("country must be an ISO 3166-1 alpha-2 code such as FR, was '" + code + "'");
    }

    public Pop withCountryCode(String code) {
        return new Pop(id, name, Optional.of(code), location, population);
    }

    public Pop withPopulation(long people) {
        return new Pop(id, name, countryCode, location, OptionalLong.of(people));
    }
}
