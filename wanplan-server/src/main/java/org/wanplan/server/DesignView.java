package org.wanplan.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wanplan.design.Design;
import org.wanplan.design.DesignFigures;
import org.wanplan.design.Homing;
import org.wanplan.design.Quote;
import org.wanplan.routing.Path;

/** A design and its quote as the API shows them: everything the map UI draws and the quote it prints. */
final class DesignView {
    private static final com.fasterxml.jackson.databind.ObjectMapper SUMMARY_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private DesignView() {}

    static ObjectNode json(Design d, Quote q) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("network", d.network()).put("topology", d.topology().label());
        ArrayNode sites = o.putArray("sites");
        for (Design.SiteDesign s : d.sites()) {
            ObjectNode j = sites.addObject()
                    .put("id", s.site().id())
                    .put("name", s.site().name())
                    .put("lat", s.site().location().latitude())
                    .put("lon", s.site().location().longitude())
                    .put("role", s.site().role().name().toLowerCase(java.util.Locale.ROOT))
                    .put("bandwidthMbps", s.site().bandwidthMbps())
                    .put("resilience", s.site().resilience().label());
            ArrayNode tails = j.putArray("tails");
            for (Homing.Tail t : s.tails()) {
                tails.addObject().put("pop", t.pop().value()).put("km", t.km()).put("onNet", t.onNet());
            }
            if (s.refused()) {
                j.put("refused", true).put("reason", s.refusal().get());
            } else {
                j.put("refused", false);
                j.put("availability", s.availability());
                j.put("nrc", DesignFigures.siteNrc(q, s.site().id()));
                j.put("mrc", DesignFigures.siteMrc(q, s.site().id()));
            }
            s.backbone().ifPresent(p -> j.set("backbone", path(p)));
            s.protection().ifPresent(p -> j.set("protection", path(p)));
        }
        ArrayNode latency = o.putArray("latency");
        d.latency()
                .forEach(l -> latency.addObject()
                        .put("a", l.a())
                        .put("b", l.b())
                        .put("rttMs", l.rttMs())
                        .put("gbps", l.gbps())
                        .put("realtimeOk", l.realtimeOk())
                        .put("businessOk", l.businessOk())
                        .put("bestEffortOk", l.bestEffortOk()));
        ObjectNode quote = o.putObject("quote")
                .put("currency", q.currency())
                .put("termMonths", q.termMonths())
                .put("nrc", q.nrc())
                .put("mrc", q.mrc())
                .put("totalContractValue", q.totalContractValue());
        ArrayNode lines = quote.putArray("lines");
        q.lines()
                .forEach(l -> lines.addObject()
                        .put("site", l.site())
                        .put("item", l.item())
                        .put("nrc", l.nrc())
                        .put("mrc", l.mrc()));
        ObjectNode load = o.putObject("spanLoadGbps");
        d.spanLoadGbps().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey(
                        java.util.Comparator.comparing(org.wanplan.model.SpanId::value)))
                .forEach(e -> load.put(e.getKey().value(), e.getValue()));
        o.set("summary", SUMMARY_JSON.valueToTree(DesignFigures.summary(d, q)));
        return o;
    }

    static ObjectNode path(Path p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode pops = o.putArray("pops");
        p.pops().forEach(x -> pops.add(x.value()));
        ArrayNode spans = o.putArray("spans");
        p.spans().forEach(x -> spans.add(x.value()));
        o.put("km", p.km()).put("latencyMs", p.latencyMs());
        return o;
    }
}
