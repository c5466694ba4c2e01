package org.wanplan.design;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wanplan.model.Resilience;
import org.wanplan.model.RttTargets;
import org.wanplan.model.Site;
import org.wanplan.model.SiteRole;

/**
 * A design as the service order service delivery takes: an instance of RFC 8299's L3VPN service model
 * ({@code ietf-l3vpn-svc}, 2018-01-19), as plain maps and lists to be written as JSON per RFC 7951 (64-bit
 * integers and decimals as strings, identities prefixed with their module).
 *
 * <p>The mapping, and what has no place in L3SM:
 *
 * <ul>
 *   <li>One {@code vpn-service}: {@code vpn-id} and {@code customer-name} as given; the topology as
 *       {@code any-to-any} or {@code hub-spoke}. Every designed site is attached to it with the role
 *       {@code any-to-any-role}, or {@code hub-role}/{@code spoke-role}.
 *   <li>Each designed site (refused sites are left out: they have no design to deliver) as a provider-managed
 *       {@code site} with one location (city and country code; L3SM has no leaf for coordinates or for the
 *       site's name, which the design JSON keeps) and one device (CE) per access, or one for both accesses of
 *       {@code dual-access}, which protects the equipment at the PoP, not the access route.
 *   <li>One {@code site-network-access} per access tail, point to point, with the site's bandwidth both ways
 *       in bit/s and an IP MTU of {@value #MTU} bytes (Ethernet's); the primary tail's {@code access-priority}
 *       {@value #PRIMARY_PRIORITY}, the second's {@value #SECONDARY_PRIORITY} (L3SM's default).
 *   <li>The class-of-service mix as a custom QoS profile: a class per non-empty share ({@code realtime},
 *       {@code business}, {@code best-effort}) with its share as {@code guaranteed-bw-percent}; real-time and
 *       business carry their one-way latency target ({@code latency-boundary}, half the round-trip target of
 *       the distance band of the site's farthest peer, {@link RttTargets}: L3SM has one boundary per site, so
 *       it is the loosest the site's pairs are held to), best effort none.
 *   <li>Resilience as access-diversity constraints on the second access towards the first ({@code
 *       all-other-accesses}): {@code dual-access} → {@code pe-diverse} (two circuits into two PEs at the same
 *       PoP); {@code dual-access-diverse} → {@code bearer-diverse} and {@code pe-diverse} (L3SM cannot say that
 *       the two routes and building entries are separate: that is in the quote); {@code pop-diverse} → {@code
 *       pop-diverse}; {@code srlg-diverse} → {@code pop-diverse} and the site's {@code traffic-protection}
 *       enabled (L3SM has no SRLG constraint: the SRLG-disjoint backbone path is the provider's engineering,
 *       listed in the design JSON).
 *   <li>Not in L3SM: tail lengths and on-net/off-net, backbone paths, availability, round trips, prices.
 * </ul>
 *
 * <p>The instance uses the module's features {@value #FEATURES}: validate it with them enabled ({@code
 * yanglint -F ietf-l3vpn-svc:qos,qos-custom,site-diversity,fast-reroute}).
 */
public final class L3smExport {
    public static final String MODULE = "ietf-l3vpn-svc";
    public static final String FEATURES = "qos,qos-custom,site-diversity,fast-reroute";
    static final int MTU = 1500;
    static final int PRIMARY_PRIORITY = 200;
    static final int SECONDARY_PRIORITY = 100;

    private L3smExport() {}

    /** The design as an {@code ietf-l3vpn-svc:l3vpn-svc} instance document. */
    public static Map<String, Object> of(Design d, DesignOptions options, String vpnId, String customerName) {
        Map<String, Object> service = map(
                "vpn-id", vpnId,
                "customer-name", customerName,
                "vpn-service-topology", identity(d.topology() == Topology.HUB_SPOKE ? "hub-spoke" : "any-to-any"));
        List<Object> sites = new ArrayList<>();
        List<Design.SiteDesign> accepted = d.accepted();
        double[] farthest = farthestPeerKm(accepted, d.topology());
        for (int i = 0; i < accepted.size(); i++) {
            sites.add(site(accepted.get(i), d.topology(), options.rtt().forKm(farthest[i]), vpnId));
        }
        Map<String, Object> root = map(
                "vpn-services", map("vpn-service", List.of(service)),
                "sites", map("site", sites));
        return map(MODULE + ":l3vpn-svc", root);
    }

    /**
     * Each site's great-circle distance to its farthest peer: every other site any to any; for a spoke of a hub
     * and spoke with hubs, the farthest hub (a hub's peers are every other site). Found by unit-vector dot
     * products, then measured once.
     */
    static double[] farthestPeerKm(List<Design.SiteDesign> sites, Topology topology) {
        int n = sites.size();
        double[] u = org.wanplan.model.Geodesy.unitVectors(
                sites.stream().map(x -> x.site().location()).toList());
        boolean[] hub = new boolean[n];
        boolean anyHub = false;
        for (int i = 0; i < n; i++) {
            hub[i] = sites.get(i).site().role() == SiteRole.HUB;
            anyHub |= hub[i];
        }
        boolean spokesToHubs = topology == Topology.HUB_SPOKE && anyHub;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int best = -1;
            double lowest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j == i || (spokesToHubs && !hub[i] && !hub[j])) {
                    continue;
                }
                double dot = org.wanplan.model.Geodesy.dot(u, i, u, j);
                if (dot < lowest) {
                    lowest = dot;
                    best = j;
                }
            }
            out[i] = best < 0
                    ? 0
                    : sites.get(i)
                            .site()
                            .location()
                            .distanceKm(sites.get(best).site().location());
        }
        return out;
    }

    private static Map<String, Object> site(
            Design.SiteDesign sd, Topology topology, RttTargets.Band target, String vpnId) {
        Site s = sd.site();
        int accesses = sd.tails().size();
        boolean oneDevice = s.resilience() == Resilience.DUAL_ACCESS || accesses == 1;
        Map<String, Object> location = map("location-id", "loc-1");
        s.city().ifPresent(c -> location.put("city", c));
        s.country().ifPresent(c -> location.put("country-code", c));
        List<Object> devices = new ArrayList<>();
        for (int i = 1; i <= (oneDevice ? 1 : accesses); i++) {
            devices.add(map("device-id", "ce-" + i, "location", "loc-1"));
        }
        String role = topology == Topology.ANY_TO_ANY
                ? "any-to-any-role"
                : s.role() == SiteRole.HUB ? "hub-role" : "spoke-role";
        List<Object> links = new ArrayList<>();
        for (int i = 1; i <= accesses; i++) {
            Map<String, Object> a = map(
                    "site-network-access-id", "access-" + i,
                    "site-network-access-type", identity("point-to-point"),
                    "device-reference", "ce-" + (oneDevice ? 1 : i));
            if (i > 1) {
                a.put("access-diversity", diversity(s.resilience()));
            }
            String bps = Long.toString(Math.round(s.bandwidthMbps() * 1e6));
            a.put(
                    "service",
                    map(
                            "svc-input-bandwidth", bps,
                            "svc-output-bandwidth", bps,
                            "svc-mtu", MTU,
                            "qos", map("qos-profile", map("classes", map("class", classes(s, target))))));
            a.put("availability", map("access-priority", i == 1 ? PRIMARY_PRIORITY : SECONDARY_PRIORITY));
            a.put("vpn-attachment", map("vpn-id", vpnId, "site-role", identity(role)));
            links.add(a);
        }
        Map<String, Object> site = map(
                "site-id", s.id(),
                "locations", map("location", List.of(location)),
                "devices", map("device", devices),
                "management", map("type", identity("provider-managed")));
        if (s.resilience() == Resilience.SRLG_DIVERSE) {
            site.put("traffic-protection", map("enabled", true));
        }
        site.put("site-network-accesses", map("site-network-access", links));
        return site;
    }

    private static List<Object> classes(Site s, RttTargets.Band target) {
        List<Object> out = new ArrayList<>();
        addClass(out, "realtime", s.realtimePct(), target.realtimeMs() / 2);
        addClass(out, "business", s.businessPct(), target.businessMs() / 2);
        addClass(out, "best-effort", s.bestEffortPct(), Double.NaN);
        return out;
    }

    private static void addClass(List<Object> out, String id, double pct, double oneWayMs) {
        if (!(pct > 0)) {
            return;
        }
        Map<String, Object> c = map("class-id", id);
        if (!Double.isNaN(oneWayMs)) {
            // whole ms (uint16 in L3SM), rounded down: the order never states a looser bound than the target
            c.put("latency", map("latency-boundary", (int) Math.floor(oneWayMs)));
        }
        c.put("bandwidth", map("guaranteed-bw-percent", decimal(pct)));
        out.add(c);
    }

    private static Map<String, Object> diversity(Resilience r) {
        List<String> kinds = switch (r) {
            case DUAL_ACCESS -> List.of("pe-diverse");
            case DUAL_ACCESS_DIVERSE -> List.of("bearer-diverse", "pe-diverse");
            case POP_DIVERSE, SRLG_DIVERSE -> List.of("pop-diverse");
            case SINGLE -> throw new IllegalArgumentException("a single site has one access");
        };
        List<Object> constraints = new ArrayList<>();
        for (String k : kinds) {
            constraints.add(map(
                    "constraint-type",
                    identity(k),
                    "target",
                    map("all-other-accesses", java.util.Collections.singletonList(null))));
        }
        return map("constraints", map("constraint", constraints));
    }

    /** A decimal64 with at most 5 fraction digits, as RFC 7951 writes it (a string). */
    private static String decimal(double v) {
        BigDecimal b = BigDecimal.valueOf(v)
                .setScale(5, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    private static String identity(String name) {
        return MODULE + ":" + name;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /**
     * A file-name-safe VPN id from a customer's name, accents dropped: {@code French Retailer} →
     * {@code french-retailer}, {@code Ölwerke Größe & Söhne} → {@code olwerke-grosse-sohne}.
     */
    public static String vpnId(String customer) {
        String plain = java.text.Normalizer.normalize(customer.replace("ß", "ss"), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String id = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return id.isEmpty() ? "vpn" : id;
    }
}
