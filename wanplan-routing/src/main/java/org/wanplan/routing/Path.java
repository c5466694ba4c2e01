package org.wanplan.routing;

import java.util.List;
import java.util.Objects;
import org.wanplan.model.PopId;
import org.wanplan.model.SpanId;

/**
 * A loopless route through the backbone: PoPs in order and the spans between them.
 *
 * @param km fibre km (spans without a length count 0)
 * @param latencyMs one-way propagation delay
 * @param weight the sum of the metric the path was found with
 */
public record Path(List<PopId> pops, List<SpanId> spans, double km, double latencyMs, double weight) {
    public Path {
        pops = List.copyOf(pops);
        spans = List.copyOf(spans);
        if (pops.size() != spans.size() + 1) {
            throw new IllegalArgumentException(
                    "a path of " + spans.size() + " spans has " + (spans.size() + 1) + " PoPs, not " + pops.size());
        }
        Objects.requireNonNull(pops.get(0));
    }

    public int hops() {
        return spans.size();
    }

    public PopId from() {
        return pops.get(0);
    }

    public PopId to() {
        return pops.get(pops.size() - 1);
    }
}
