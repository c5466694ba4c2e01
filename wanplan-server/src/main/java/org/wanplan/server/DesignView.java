package org.wanplan.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wanplan.design.Design;
import org.wanplan.design.Quote;

/** A design and its quote as the API shows them: the design module's {@link org.wanplan.design.DesignView}. */
final class DesignView {
    private DesignView() {}

    static ObjectNode json(Design d, Quote q) {
        return (ObjectNode) Json.tree(org.wanplan.design.DesignView.of(d, q));
    }
}
