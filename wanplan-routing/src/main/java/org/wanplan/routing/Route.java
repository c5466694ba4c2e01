package org.wanplan.routing;

/** The answer to a constrained path request: a path, or the reason there is none. */
public sealed interface Route {
    /** A path meeting every constraint. */
    record Found(Path path) implements Route {}

    /** No path meets the constraints; {@code reason} names the one that failed and its values. */
    record NoRoute(String reason) implements Route {}
}
