package org.wanplan.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wanplan.model.Network;

/**
 * Failure outcomes folded into what the report needs, in memory bounded by the network and the traffic,
 * never by the number of scenarios: the top-K scenarios by traffic lost, the top-K scenarios by load on
 * each span, and per demand its worst latency and how often it is lost. Accumulators of one
 * {@link FailureSweep} {@link #merge} in any order to the same result: ties go to the scenario with the
 * lower sequence number. Not thread-safe: one per thread, then merge.
 *
 * <p>Serializable without its sweep, so partial accumulators can travel between machines (the Spark
 * engine's {@code treeAggregate}): a deserialized one is {@link #attach attached} to the sweep prepared
 * again where it landed before it takes outcomes or reports; merging needs no sweep.
 */
public final class FailureAccumulator implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private static final Comparator<Ranked> BY_LOSS = Comparator.comparingDouble(
                    (Ranked r) -> -r.impact().lostGbps())
            .thenComparingInt(r -> -r.impact().lost())
            .thenComparing(r -> r.impact().scenario())
            .thenComparingLong(Ranked::seq);

    private transient FailureSweep sweep;
    private final int top;
    private long count;
    private final List<Ranked> worstScenarios = new ArrayList<>();
    // per span: the top scenarios by load on it, highest first (ties: lower sequence number first)
    private final double[][] spanLoad;
    private final long[][] spanSeq;
    private final String[][] spanScenario;
    private final int[] spanSize;
    // per placed demand: worst latency and the scenario (lowest sequence number among ties), times lost
    private final double[] worstLatency;
    private final long[] worstSeq;
    private final String[] worstScenario;
    private final int[] lostIn;

    private record Ranked(long seq, FailureReport.ScenarioImpact impact) implements java.io.Serializable {}

    FailureAccumulator(FailureSweep sweep) {
        this.sweep = sweep;
        this.top = sweep.topK();
        int m = sweep.network().spans().size();
        spanLoad = new double[m][top];
        spanSeq = new long[m][top];
        spanScenario = new String[m][top];
        spanSize = new int[m];
        List<Placement.Placed> placed = sweep.baseline().placed();
        int d = placed.size();
        worstLatency = new double[d];
        worstSeq = new long[d];
        worstScenario = new String[d];
        lostIn = new int[d];
        for (int i = 0; i < d; i++) {
            worstLatency[i] = placed.get(i).working().latencyMs();
            worstSeq[i] = -1;
            worstScenario[i] = "";
        }
    }

    /** Folds in {@code outcome}, what {@code scenario} (sequence number {@code seq}) did. */
    public void add(long seq, FailureScenario scenario, FailureSweep.Outcome outcome) {
        requireSweep();
        count++;
        double[] load = outcome.load();
        double maxUtil = 0;
        for (int s = 0; s < load.length; s++) {
            maxUtil = Math.max(maxUtil, sweep.utilisation(s, load[s]));
            if (!Double.isNaN(load[s])) {
                offerSpan(s, load[s], seq, scenario.name());
            }
        }
        offerScenario(new Ranked(
                seq,
                new FailureReport.ScenarioImpact(
                        scenario.name(),
                        outcome.affected(),
                        outcome.switched(),
                        outcome.rerouted(),
                        outcome.lost(),
                        outcome.lostGbps(),
                        maxUtil)));
        int[] touched = outcome.touched();
        for (int j = 0; j < touched.length; j++) {
            int i = touched[j];
            double ms = outcome.latency()[j];
            if (Double.isNaN(ms)) {
                lostIn[i]++;
            } else {
                offerLatency(i, ms, seq, scenario.name());
            }
        }
    }

    /**
     * Attaches this accumulator, deserialized on another machine, to {@code sweep}: the same network, traffic
     * and options prepared again. Returns this.
     *
     * @throws IllegalArgumentException when the sweep's shape (spans, placed demands, top K) is not this one's
     */
    public FailureAccumulator attach(FailureSweep sweep) {
        if (!fits(sweep)) {
            throw new IllegalArgumentException("this accumulator is of another sweep (" + spanSize.length + " spans, "
                    + lostIn.length + " demands, top " + top + ")");
        }
        this.sweep = sweep;
        return this;
    }

    private boolean fits(FailureSweep s) {
        return s.topK() == top
                && s.network().spans().size() == spanSize.length
                && s.baseline().placed().size() == lostIn.length;
    }

    /**
     * Folds {@code other} (of the same sweep: the same object, or one prepared again from the same network,
     * traffic and options) into this one; returns this.
     */
    public FailureAccumulator merge(FailureAccumulator other) {
        boolean sameShape =
                other.top == top && other.spanSize.length == spanSize.length && other.lostIn.length == lostIn.length;
        if (!sameShape) {
            throw new IllegalArgumentException("accumulators of different sweeps do not merge");
        }
        if (sweep == null) {
            sweep = other.sweep;
        }
        count += other.count;
        other.worstScenarios.forEach(this::offerScenario);
        for (int s = 0; s < spanSize.length; s++) {
            for (int k = 0; k < other.spanSize[s]; k++) {
                offerSpan(s, other.spanLoad[s][k], other.spanSeq[s][k], other.spanScenario[s][k]);
            }
        }
        for (int i = 0; i < lostIn.length; i++) {
            lostIn[i] += other.lostIn[i];
            if (other.worstSeq[i] >= 0) {
                offerLatency(i, other.worstLatency[i], other.worstSeq[i], other.worstScenario[i]);
            }
        }
        return this;
    }

    /** Scenarios folded in so far. */
    public long scenarioCount() {
        return count;
    }

    /** The report: the top-K scenarios, every span and every placed demand, each ranked worst first. */
    public FailureReport report() {
        requireSweep();
        Network n = sweep.network();
        Placement.Result baseline = sweep.baseline();
        double[] base = baseline.loadGbps();
        List<FailureReport.SpanWorst> spans = new ArrayList<>();
        for (int s = 0; s < spanSize.length; s++) {
            double worstUtil = spanSize[s] == 0 ? 0 : sweep.utilisation(s, spanLoad[s][0]);
            List<String> names = new ArrayList<>();
            for (int k = 0; k < spanSize[s]; k++) {
                if (spanLoad[s][k] > base[s] + 1e-9) {
                    names.add(spanScenario[s][k]);
                }
            }
            spans.add(new FailureReport.SpanWorst(
                    n.spans().get(s).id(),
                    n.spans().get(s).capacityGbps(),
                    baseline.utilisation(s),
                    Math.max(worstUtil, baseline.utilisation(s)),
                    names));
        }
        spans.sort(Comparator.comparingDouble((FailureReport.SpanWorst w) -> -w.worstUtilisation())
                .thenComparing(w -> w.span().value()));
        List<FailureReport.DemandWorst> demands = new ArrayList<>();
        for (int i = 0; i < lostIn.length; i++) {
            Placement.Placed p = baseline.placed().get(i);
            demands.add(new FailureReport.DemandWorst(
                    p.demand().id(), p.working().latencyMs(), worstLatency[i], worstScenario[i], lostIn[i]));
        }
        demands.sort(Comparator.comparingDouble(
                        (FailureReport.DemandWorst w) -> -(w.worstLatencyMs() - w.baselineLatencyMs()))
                .thenComparing(FailureReport.DemandWorst::demand));
        return new FailureReport(
                count, worstScenarios.stream().map(Ranked::impact).toList(), spans, demands);
    }

    private void requireSweep() {
        if (sweep == null) {
            throw new IllegalStateException("a deserialized accumulator takes outcomes and reports once attached");
        }
    }

    private void offerScenario(Ranked r) {
        int at = 0;
        while (at < worstScenarios.size() && BY_LOSS.compare(worstScenarios.get(at), r) < 0) {
            at++;
        }
        if (at < top) {
            worstScenarios.add(at, r);
            if (worstScenarios.size() > top) {
                worstScenarios.remove(top);
            }
        }
    }

    /** Insertion into span {@code s}'s short sorted list: higher load first, then lower sequence number. */
    private void offerSpan(int s, double load, long seq, String name) {
        double[] loads = spanLoad[s];
        long[] seqs = spanSeq[s];
        int size = spanSize[s];
        int at = size;
        while (at > 0 && (loads[at - 1] < load || (loads[at - 1] == load && seqs[at - 1] > seq))) {
            at--;
        }
        if (at >= top) {
            return;
        }
        int last = Math.min(size, top - 1);
        System.arraycopy(loads, at, loads, at + 1, last - at);
        System.arraycopy(seqs, at, seqs, at + 1, last - at);
        System.arraycopy(spanScenario[s], at, spanScenario[s], at + 1, last - at);
        loads[at] = load;
        seqs[at] = seq;
        spanScenario[s][at] = name;
        spanSize[s] = Math.min(size + 1, top);
    }

    /** A latency replaces the worst when larger by more than 1e-12 ms, or as large and earlier. */
    private void offerLatency(int i, double ms, long seq, String name) {
        boolean larger = ms > worstLatency[i] + 1e-12;
        boolean tieEarlier =
                !larger && worstSeq[i] >= 0 && Math.abs(ms - worstLatency[i]) <= 1e-12 && seq < worstSeq[i];
        if (larger || tieEarlier) {
            worstLatency[i] = ms;
            worstSeq[i] = seq;
            worstScenario[i] = name;
        }
    }
}
