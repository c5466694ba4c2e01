package org.wanplan.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;
import org.wanplan.model.SrlgId;
import org.wanplan.store.AuditEntry;
import org.wanplan.store.Customer;
import org.wanplan.store.Order;
import org.wanplan.store.Tokens;

/**
 * The API's response records, written by {@link Json#MAPPER}: components in order, an empty {@code Optional}
 * left out; records marked {@code ALWAYS} write a missing value as {@code null}, as their clients expect.
 */
final class Views {
    private Views() {}

    /** A network in the catalogue. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NetworkSummary(
            String name, boolean builtin, int pops, int spans, int srlgs, double fibreKm, String attribution) {
        static NetworkSummary of(Network n, boolean builtin) {
            return new NetworkSummary(
                    n.name(),
                    builtin,
                    n.pops().size(),
                    n.spans().size(),
                    n.srlgs().size(),
                    n.totalFibreKm(),
                    n.attribution().orElse(null));
        }
    }

    /** A PoP; what the network does not know about it is left out. */
    record PopView(
            String id,
            String name,
            Optional<String> country,
            Optional<Double> lat,
            Optional<Double> lon,
            Optional<Long> population,
            int degree) {
        static PopView of(Network n, Pop p) {
            return new PopView(
                    p.id().value(),
                    p.name(),
                    p.countryCode(),
                    p.location().map(l -> l.latitude()),
                    p.location().map(l -> l.longitude()),
                    p.population().isPresent() ? Optional.of(p.population().getAsLong()) : Optional.empty(),
                    n.degree(p.id()));
        }
    }

    /** A span with what orders have reserved of it. */
    record SpanView(
            String id,
            String a,
            String b,
            double capacityGbps,
            double reservedGbps,
            boolean submarine,
            Optional<Double> km,
            List<String> srlgs,
            String ownership,
            Optional<Double> leaseEurPerMonth) {
        static SpanView of(Span s, double reservedGbps) {
            return new SpanView(
                    s.id().value(),
                    s.a().value(),
                    s.b().value(),
                    s.capacityGbps(),
                    reservedGbps,
                    s.submarine(),
                    s.length().map(l -> l.km()),
                    s.srlgs().stream().map(SrlgId::value).toList(),
                    s.ownership().kind().label(),
                    s.ownership().leaseEurPerMonth().stream().boxed().findFirst());
        }
    }

    /** An order, its state and the bandwidth it needs per span. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OrderView(
            String id,
            String customer,
            String network,
            String designId,
            String state,
            Map<String, Double> gbpsBySpan,
            double totalGbps,
            java.math.BigDecimal mrc,
            String currency) {
        static OrderView of(Order o) {
            return new OrderView(
                    o.id(),
                    o.customer(),
                    o.network(),
                    o.designId(),
                    o.state().label(),
                    new TreeMap<>(o.gbpsBySpan()),
                    o.gbpsBySpan().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum(),
                    o.mrc(),
                    o.currency());
        }
    }

    /** The portfolio against the growth target (see {@link org.wanplan.store.Portfolio}). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PortfolioView(
            String currency,
            java.math.BigDecimal activeMrc,
            java.math.BigDecimal pipelineMrc,
            Map<String, Long> orders,
            long otherCurrencyOrders,
            double targetGrowth,
            java.util.List<org.wanplan.store.Portfolio.Month> history,
            java.util.List<org.wanplan.store.Portfolio.Target> projection,
            String lastFullMonth,
            String status) {
        static PortfolioView of(org.wanplan.store.Portfolio.Report r) {
            return new PortfolioView(
                    r.currency(),
                    r.activeMrc(),
                    r.pipelineMrc(),
                    r.orders(),
                    r.otherCurrencyOrders(),
                    r.targetGrowth(),
                    r.history(),
                    r.projection(),
                    r.lastFullMonth().orElse(null),
                    r.status());
        }
    }

    /** Each span's runway under growth, soonest out first. */
    record RunwayView(String network, double growth, java.util.List<SpanRunway> spans) {
        static RunwayView of(
                String network, double growth, java.util.List<org.wanplan.store.Reservations.Runway> spans) {
            return new RunwayView(
                    network,
                    growth,
                    spans.stream()
                            .map(r -> new SpanRunway(
                                    r.span(),
                                    r.capacityGbps(),
                                    r.usedGbps(),
                                    r.utilisation(),
                                    r.monthsToExhaustion().isPresent()
                                            ? r.monthsToExhaustion().getAsDouble()
                                            : null))
                            .toList());
        }
    }

    /** One span's runway; {@code monthsToExhaustion} null when nothing is used. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SpanRunway(String id, double capacityGbps, double usedGbps, double utilisation, Double monthsToExhaustion) {}

    /** An audit line: who did what to what, when, and the state before and after. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AuditView(long id, String at, String actor, String action, String entity, String before, String after) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.id(), e.at().toString(), e.actor(), e.action(), e.entity(), e.before(), e.after());
        }
    }

    /** A token as listed (never the secret); a new token's response adds it as {@code token}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TokenView(String id, String role, String createdAt, String createdBy, String revokedAt, String revokedBy) {
        static TokenView of(Tokens.Info t) {
            return new TokenView(
                    Tokens.name(t.id()),
                    t.role().label(),
                    t.createdAt().toString(),
                    t.createdBy(),
                    t.revoked() ? t.revokedAt().toString() : null,
                    t.revoked() ? t.revokedBy() : null);
        }
    }

    /** A customer and its designs, newest first. */
    record CustomerView(String id, String name, String createdAt, List<String> designs) {
        static CustomerView of(Customer c) {
            return new CustomerView(c.id(), c.name(), c.createdAt().toString(), c.designIds());
        }
    }

    /** Who the caller is. */
    record Whoami(String name, String role) {}

    /** The health check's answer. */
    /** {@code status} ok, or unavailable (503) when the database does not answer; {@code database} says why. */
    record Health(String status, String database) {}
}
