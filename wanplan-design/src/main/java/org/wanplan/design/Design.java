package org.wanplan.design;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wanplan.model.Site;
import org.wanplan.model.SpanId;
import org.wanplan.routing.Path;

/**
 * A designed VPN: where each site is homed, what it can expect, which site pairs meet their latency
 * targets, and what the service takes from the backbone.
 *
 * @param spanLoadGbps the service's traffic on each backbone span it uses
 */
public record Design(
        String network,
        Topology topology,
        List<SiteDesign> sites,
        List<PairLatency> latency,
        Map<SpanId, Double> spanLoadGbps) {
    public Design {
        sites = List.copyOf(sites);
        latency = List.copyOf(latency);
        spanLoadGbps = Map.copyOf(spanLoadGbps);
    }

    /**
     * One site's design, or its refusal.
     *
     * @param refusal why the resilience option cannot be met (RFC 8299 §6.6); the site is then left out
     * @param protection the SRLG-diverse backbone path from the second PoP (srlg-diverse sites only)
     */
    public record SiteDesign(
            Site site,
            List<Homing.Tail> tails,
            double availability,
            Optional<Path> backbone,
            Optional<String> refusal,
            Optional<Path> protection) {
        public SiteDesign {
            tails = List.copyOf(tails);
        }

        /** A site without a protection path. */
        public SiteDesign(
                Site site,
                List<Homing.Tail> tails,
                double availability,
                Optional<Path> backbone,
                Optional<String> refusal) {
            this(site, tails, availability, backbone, refusal, Optional.empty());
        }

        public boolean refused() {
            return refusal.isPresent();
        }
    }

    /** Round trip between two sites' CEs and whether each class's target is met. */
    public record PairLatency(
            String a,
            String b,
            double rttMs,
            double gbps,
            boolean realtimeOk,
            boolean businessOk,
            boolean bestEffortOk) {}

    public List<SiteDesign> accepted() {
        return sites.stream().filter(s -> !s.refused()).toList();
    }
}
