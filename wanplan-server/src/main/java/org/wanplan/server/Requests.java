package org.wanplan.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The API's request bodies, bound by {@link Json#MAPPER} once {@link JsonRequest} has checked them (every bad
 * or unknown field reported at once): what each POST takes, in one place.
 */
final class Requests {
    private Requests() {}

    /** {@code POST /designs}: the sites as the CSV's columns; hub-spoke unless a topology is given. */
    record DesignRequest(
            String customer,
            String network,
            Optional<String> topology,
            JsonNode sites,
            Optional<String> compareWith,
            Optional<JsonNode> partners,
            Optional<JsonNode> rttTargets,
            Optional<JsonNode> costBook) {}

    /** {@code POST /orders}: an order from a stored design. */
    record OrderRequest(String designId) {}

    /** {@code POST /tokens}: a token for a role. */
    record TokenRequest(String role) {}

    /** {@code POST /failures}: the elements that fail together, and the gravity traffic to load. */
    record WhatIfRequest(
            String network, List<String> fail, Optional<Double> gravityGbps, Optional<Double> maxDemands) {}
}
