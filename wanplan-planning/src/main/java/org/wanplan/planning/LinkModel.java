package org.wanplan.planning;

/**
 * How a link's capacity serves its two directions (SNDlib's {@code LINK_MODEL}).
 *
 * <ul>
 *   <li>{@link #UNDIRECTED}: the flows of both directions together stay within the capacity; routing cost
 *       is paid on each unit either way.
 *   <li>{@link #BIDIRECTED}: the capacity is installed in each direction: the flow of each direction on its
 *       own stays within it; routing cost is paid on the larger of the two directions' flows (SNDlib's rule).
 *   <li>{@link #DIRECTED}: the link carries flow only from its first end to its second.
 * </ul>
 */
public enum LinkModel {
    UNDIRECTED,
    BIDIRECTED,
    DIRECTED
}
