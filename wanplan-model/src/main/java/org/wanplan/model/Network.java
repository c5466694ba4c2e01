package org.wanplan.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of a fibre backbone: PoPs, the spans between them and their shared-risk groups.
 *
 * <p>Elements keep the order they were added in; each has a dense index (0..n-1) that algorithms use
 * for array-based state. Failure scenarios are masks over a snapshot, never copies of it.
 */
public final class Network {
    private final String name;
    private final Optional<String> attribution;
    private final List<Pop> pops;
    private final List<Span> spans;
    private final List<Srlg> srlgs;
    private final Map<PopId, Integer> popIndex;
    private final Map<SpanId, Integer> spanIndex;
    private final Map<SrlgId, Srlg> srlgById;
    private final int[] spanA;
    private final int[] spanB;
    private final int[][] incident;

    private Network(Builder builder) {
        this.name = builder.name;
        this.attribution = builder.attribution;
        this.pops = List.copyOf(builder.pops);
        this.spans = List.copyOf(builder.spans);
        this.srlgs = List.copyOf(builder.srlgs);
        this.popIndex = new HashMap<>();
        for (int i = 0; i < pops.size(); i++) {
            popIndex.put(pops.get(i).id(), i);
        }
        this.spanIndex = new HashMap<>();
        this.spanA = new int[spans.size()];
        this.spanB = new int[spans.size()];
        int[] degree = new int[pops.size()];
        for (int s = 0; s < spans.size(); s++) {
            spanIndex.put(spans.get(s).id(), s);
            spanA[s] = popIndex.get(spans.get(s).a());
            spanB[s] = popIndex.get(spans.get(s).b());
            degree[spanA[s]]++;
            degree[spanB[s]]++;
        }
        this.incident = new int[pops.size()][];
        for (int p = 0; p < pops.size(); p++) {
            incident[p] = new int[degree[p]];
            degree[p] = 0;
        }
        for (int s = 0; s < spans.size(); s++) {
            incident[spanA[s]][degree[spanA[s]]++] = s;
            incident[spanB[s]][degree[spanB[s]]++] = s;
        }
        this.srlgById = new HashMap<>();
        srlgs.forEach(g -> srlgById.put(g.id(), g));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** Credit the source data asks for (e.g. the Topology Zoo's CC BY 4.0 citation), if any. */
    public Optional<String> attribution() {
        return attribution;
    }

    public List<Pop> pops() {
        return pops;
    }

    /** The same network under another name. */
    public Network withName(String newName) {
        return copy(newName, attribution);
    }

    /** The same network crediting {@code text}. */
    public Network withAttribution(String text) {
        return copy(name, Optional.of(text));
    }

    private Network copy(String newName, Optional<String> newAttribution) {
        Builder b = new Builder(newName).pops(pops).spans(spans).srlgs(srlgs);
        b.attribution = newAttribution;
        return new Network(b);
    }

    public List<Span> spans() {
        return spans;
    }

    public List<Srlg> srlgs() {
        return srlgs;
    }

    public Optional<Pop> pop(PopId id) {
        Integer i = popIndex.get(id);
        return i == null ? Optional.empty() : Optional.of(pops.get(i));
    }

    public Optional<Span> span(SpanId id) {
        Integer i = spanIndex.get(id);
        return i == null ? Optional.empty() : Optional.of(spans.get(i));
    }

    public Optional<Srlg> srlg(SrlgId id) {
        return Optional.ofNullable(srlgById.get(id));
    }

    /** Dense index of a PoP, in [0, pops().size()); -1 when absent. */
    public int indexOf(PopId id) {
        return popIndex.getOrDefault(id, -1);
    }

    /** Dense index of a span, in [0, spans().size()); -1 when absent. */
    public int indexOf(SpanId id) {
        return spanIndex.getOrDefault(id, -1);
    }

    /** Index of the PoP at end a of the span with index {@code span}. */
    public int endA(int span) {
        return spanA[span];
    }

    /** Index of the PoP at end b of the span with index {@code span}. */
    public int endB(int span) {
        return spanB[span];
    }

    /** Indices of the spans at the PoP with index {@code pop}; a copy, in span order. */
    public int[] incidentSpanIndices(int pop) {
        return incident[pop].clone();
    }

    /** The spans at {@code pop}, in span order (parallel spans each count). */
    public List<Span> incidentSpans(PopId pop) {
        int p = requireIndex(pop);
        List<Span> result = new ArrayList<>(incident[p].length);
        for (int s : incident[p]) {
            result.add(spans.get(s));
        }
        return result;
    }

    public int degree(PopId pop) {
        return incident[requireIndex(pop)].length;
    }

    /** Great-circle distance between the span's endpoints, when both have a location. */
    public Optional<Double> greatCircleKm(Span span) {
        Optional<GeoPoint> a = pop(span.a()).flatMap(Pop::location);
        Optional<GeoPoint> b = pop(span.b()).flatMap(Pop::location);
        return a.isPresent() && b.isPresent() ? Optional.of(a.get().distanceKm(b.get())) : Optional.empty();
    }

    /** Sum of all known span lengths in km (spans without a length add nothing). */
    public double totalFibreKm() {
        return spans.stream()
                .flatMap(s -> s.length().stream())
                .mapToDouble(FibreLength::km)
                .sum();
    }

    /**
     * The PoPs a user means by {@code idOrName}: the PoP with that id if there is one, otherwise every
     * PoP whose name equals it ignoring case (none, one, or several when the name is ambiguous).
     */
    public List<Pop> popsMatching(String idOrName) {
        if (Ids.problem(idOrName).isPresent()) {
            return List.of(); // no PoP has an invalid id, and none such a name
        }
        Integer i = popIndex.get(new PopId(idOrName));
        if (i != null) {
            return List.of(pops.get(i));
        }
        String wanted = idOrName.toLowerCase(Locale.ROOT);
        return pops.stream()
                .filter(p -> p.name().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
    }

    private int requireIndex(PopId pop) {
        Integer i = popIndex.get(pop);
        if (i == null) {
            throw new IllegalArgumentException("no PoP " + pop + " in network " + name);
        }
        return i;
    }

    @Override
    public String toString() {
        return "Network[" + name + ": " + pops.size() + " PoPs, " + spans.size() + " spans, " + srlgs.size()
                + " SRLGs]";
    }

    /**
     * Collects elements and checks the whole at {@link #build()}: unique ids, span endpoints that
     * exist, no self-loops, SRLGs that exist. Element-level rules (lengths, coordinates) are checked by
     * the element records themselves.
     */
    public static final class Builder {
        private final String name;
        private Optional<String> attribution = Optional.empty();
        private final List<Pop> pops = new ArrayList<>();
        private final List<Span> spans = new ArrayList<>();
        private final List<Srlg> srlgs = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder attribution(String text) {
            this.attribution = Optional.of(text);
            return this;
        }

        public Builder pop(Pop pop) {
            pops.add(Objects.requireNonNull(pop));
            return this;
        }

        public Builder span(Span span) {
            spans.add(Objects.requireNonNull(span));
            return this;
        }

        public Builder srlg(Srlg srlg) {
            srlgs.add(Objects.requireNonNull(srlg));
            return this;
        }

        public Builder pops(List<Pop> all) {
            all.forEach(this::pop);
            return this;
        }

        public Builder spans(List<Span> all) {
            all.forEach(this::span);
            return this;
        }

        public Builder srlgs(List<Srlg> all) {
            all.forEach(this::srlg);
            return this;
        }

        /** The snapshot, or every problem found at once. */
        public Network build() throws InvalidNetworkException {
            List<NetworkProblem> problems = problems();
            if (!problems.isEmpty()) {
                throw new InvalidNetworkException(problems);
            }
            return new Network(this);
        }

        /** Every problem {@link #build()} would report, in element order. */
        public List<NetworkProblem> problems() {
            List<NetworkProblem> problems = new ArrayList<>();
            Set<PopId> popIds = new HashSet<>();
            for (int i = 0; i < pops.size(); i++) {
                if (!popIds.add(pops.get(i).id())) {
                    problems.add(new NetworkProblem(
                            NetworkProblem.Element.POP,
                            i,
                            "duplicate PoP id '" + pops.get(i).id() + "'"));
                }
            }
            Set<SrlgId> srlgIds = new HashSet<>();
            for (int i = 0; i < srlgs.size(); i++) {
                if (!srlgIds.add(srlgs.get(i).id())) {
                    problems.add(new NetworkProblem(
                            NetworkProblem.Element.SRLG,
                            i,
                            "duplicate SRLG id '" + srlgs.get(i).id() + "'"));
                }
            }
            Set<SpanId> spanIds = new HashSet<>();
            for (int i = 0; i < spans.size(); i++) {
                for (String message : spanProblems(spans.get(i), popIds, srlgIds, spanIds)) {
                    problems.add(new NetworkProblem(NetworkProblem.Element.SPAN, i, message));
                }
            }
            return Collections.unmodifiableList(problems);
        }

        private static List<String> spanProblems(
                Span span, Set<PopId> popIds, Set<SrlgId> srlgIds, Set<SpanId> spanIds) {
            List<String> messages = new ArrayList<>();
            if (!spanIds.add(span.id())) {
                messages.add("duplicate span id '" + span.id() + "'");
            }
            if (!popIds.contains(span.a())) {
                messages.add("span " + span.id() + ": unknown endpoint a '" + span.a() + "'");
            }
            if (!popIds.contains(span.b())) {
                messages.add("span " + span.id() + ": unknown endpoint b '" + span.b() + "'");
            }
            if (span.a().equals(span.b())) {
                messages.add("span " + span.id() + ": self-loop at '" + span.a() + "'");
            }
            for (SrlgId g : span.srlgs()) {
                if (!srlgIds.contains(g)) {
                    messages.add("span " + span.id() + ": unknown SRLG '" + g + "'");
                }
            }
            return messages;
        }
    }
}
