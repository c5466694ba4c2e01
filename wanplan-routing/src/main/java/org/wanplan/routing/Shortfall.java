package org.wanplan.routing;

import java.util.List;
import org.wanplan.model.PopId;
import org.wanplan.model.SpanId;
import org.wanplan.model.SrlgId;

/**
 * Why a diversity level could not be met, with what blocks it.
 *
 * @param level the level that failed
 * @param blockingSrlgs risk groups every candidate pair shares (for {@link Diversity#SRLG})
 * @param blockingPops PoPs every path must cross (for {@link Diversity#NODE})
 * @param blockingSpans spans every path must cross: bridges between the ends (for {@link Diversity#SPAN})
 */
public record Shortfall(
        Diversity level,
        String reason,
        List<SrlgId> blockingSrlgs,
        List<PopId> blockingPops,
        List<SpanId> blockingSpans) {
    public Shortfall {
        blockingSrlgs = List.copyOf(blockingSrlgs);
        blockingPops = List.copyOf(blockingPops);
        blockingSpans = List.copyOf(blockingSpans);
    }
}
