package org.wanplan.planning;

/** What the capacity must survive. */
public enum Survivability {
    /** Only the intact network (SNDlib {@code NO_SURVIVABILITY}, code letter N). */
    NONE,
    /**
     * Any single span failure, with every demand rerouted in full and freely (SNDlib
     * {@code UNRESTRICTED_FLOW_RECONFIGURATION}, code letter U).
     */
    SPAN
}
