package org.wanplan.planning;

/** A capacity module that can be installed on a link, any number of times: capacity and cost each. */
public record Module(String name, double capacity, double cost) {
    public Module {
        if (!(capacity > 0) || !(cost >= 0)) {
            throw new IllegalArgumentException(
                    "module " + name + ": capacity must be > 0 and cost ≥ 0, were " + capacity + ", " + cost);
        }
    }
}
