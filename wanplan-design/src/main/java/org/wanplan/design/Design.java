package org.wanplan.design;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wanplan.model.RttTargets;
import org.wanplan.model.Site;
import org.wanplan.model.SpanId;
import org.wanplan.routing.Path;

/**
 * A designed VPN: where each site is homed, what it can expect, which site pairs meet their latency
 * targets, and what the service takes from the backbone.
 *
 * @param spanLoadGbps the service's traffic on each backbone span it uses
 * @param availabilityBasis what a site's availability is measured to: {@value #EVERY_HUB}, {@value
 *     #MEAN_OVER_PAIRS}, {@value #TO_ANCHOR} (all with restoration) or {@value #STATIC_PATH}
 */
public record Design(
        String network,
        Topology topology,
        List<SiteDesign> sites,
        List<PairLatency> latency,
        Map<SpanId, Double> spanLoadGbps,
        String availabilityBasis) {
    /** Hub and spoke with restoration: the site reaches every hub (the hubs' own access not included). */
    public static final String EVERY_HUB = "every-hub";
    /** Any to any with restoration: the mean over the site's pairs of its availability to the other site. */
    public static final String MEAN_OVER_PAIRS = "mean-over-pairs";
    /**
     * Any to any with restoration, when its sites span more PoP pairs than {@link Designer#MAX_RESTORED_PAIRS}:
     * the site's availability to the anchor site, one PoP pair a site.
     */
    public static final String TO_ANCHOR = "to-anchor";
    /** Without restoration: the static backbone path to the anchor site. */
    public static final String STATIC_PATH = "static-path-to-anchor";

    public Design {
        sites = List.copyOf(sites);
        latency = latency instanceof Designer.PairList ? latency : List.copyOf(latency); // already immutable
        spanLoadGbps = Map.copyOf(spanLoadGbps);
    }

    /** A design whose availability is the static path to the anchor. */
    public Design(
            String network,
            Topology topology,
            List<SiteDesign> sites,
            List<PairLatency> latency,
            Map<SpanId, Double> spanLoadGbps) {
        this(network, topology, sites, latency, spanLoadGbps, STATIC_PATH);
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

        /** The same site with another availability figure. */
        public SiteDesign withAvailability(double a) {
            return new SiteDesign(site, tails, a, backbone, refusal, protection);
        }
    }

    /**
     * Round trip between two sites' CEs and whether each class's target is met: the targets of the distance band
     * ({@link RttTargets}) the pair's great circle {@code km} falls in.
     */
    public record PairLatency(
            String a,
            String b,
            double rttMs,
            double km,
            double gbps,
            boolean realtimeOk,
            boolean businessOk,
            boolean bestEffortOk) {}

    public List<SiteDesign> accepted() {
        return sites.stream().filter(s -> !s.refused()).toList();
    }
}
