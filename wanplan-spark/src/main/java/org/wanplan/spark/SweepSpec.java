package org.wanplan.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.wanplan.io.input.ImportOptions;
import org.wanplan.io.input.InputException;
import org.wanplan.io.json.JsonNetworkReader;
import org.wanplan.io.json.JsonNetworkWriter;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.model.PopId;
import org.wanplan.model.ServiceClass;
import org.wanplan.routing.Diversity;
import org.wanplan.routing.FailureScenario;
import org.wanplan.routing.FailureSweep;
import org.wanplan.routing.Metric;

/**
 * Everything a machine needs to sweep its share of the scenarios, in a form that travels (Spark broadcasts
 * it once per executor): the network in wanplan's lossless JSON, the demands as columns, the options as
 * labels. Every machine rebuilds the same {@link FailureSweep} and the same scenario list from it, so a
 * scenario's sequence number means the same everywhere.
 */
public final class SweepSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    final String networkJson;
    private final String[] demandId;
    private final String[] from;
    private final String[] to;
    private final double[] gbps;
    private final String[] serviceClass;
    private final String metric;
    private final String protection;
    private final int top;
    final int order;
    private final String kinds;
    private final int sample;
    private final long seed;
    private final String scenarioFile;
    private final String[] scenarioLines;

    /**
     * A sweep of {@code network} with {@code demands}: scenarios of {@code order} 1 or 2 over the chosen
     * {@code kinds}, all of them or a sample (as {@code wanplan failures}).
     *
     * @param sample scenarios drawn at random with {@code seed}, or 0 for all of them
     */
    public SweepSpec(
            Network network,
            List<Demand> demands,
            Metric metric,
            Optional<Diversity> protection,
            int top,
            int order,
            Set<FailureScenario.Kind> kinds,
            int sample,
            long seed)
            throws IOException {
        this(network, demands, metric, protection, top, order, kinds, sample, seed, null, List.of());
    }

    /**
     * The same, with the extra scenarios of a scenario file ({@code file}'s {@code lines}, read where the
     * command runs), swept after the generated ones as the local engine does.
     */
    public SweepSpec(
            Network network,
            List<Demand> demands,
            Metric metric,
            Optional<Diversity> protection,
            int top,
            int order,
            Set<FailureScenario.Kind> kinds,
            int sample,
            long seed,
            String file,
            List<String> lines)
            throws IOException {
        StringWriter json = new StringWriter();
        new JsonNetworkWriter().write(network, json);
        this.networkJson = json.toString();
        int d = demands.size();
        demandId = new String[d];
        from = new String[d];
        to = new String[d];
        gbps = new double[d];
        serviceClass = new String[d];
        for (int i = 0; i < d; i++) {
            Demand x = demands.get(i);
            demandId[i] = x.id();
            from[i] = x.from().value();
            to[i] = x.to().value();
            gbps[i] = x.gbps();
            serviceClass[i] = x.serviceClass().label();
        }
        this.metric = metric.label();
        this.protection = protection.map(Diversity::label).orElse(null);
        this.top = top;
        this.order = order;
        this.kinds = String.join(
                ",",
                kinds.stream()
                        .map(k -> k.name().toLowerCase(java.util.Locale.ROOT))
                        .toList());
        this.sample = sample;
        this.seed = seed;
        this.scenarioFile = file;
        this.scenarioLines = lines.toArray(String[]::new);
    }

    /** 1 for single failures, 2 for pairs. */
    public int order() {
        return order;
    }

    /** The network as every machine reads it (the driver too, so all of them sweep the same one). */
    Network network() {
        return read(networkJson);
    }

    /** A network from wanplan JSON that was written by {@link JsonNetworkWriter} on another machine. */
    static Network read(String json) {
        try {
            return new JsonNetworkReader(ImportOptions.defaults()).read(new StringReader(json), "broadcast");
        } catch (IOException | InputException e) {
            throw new IllegalStateException("the broadcast network does not read back: " + e.getMessage(), e);
        }
    }

    List<Demand> demands() {
        List<Demand> all = new ArrayList<>(demandId.length);
        for (int i = 0; i < demandId.length; i++) {
            all.add(new Demand(
                    demandId[i],
                    PopId.of(from[i]),
                    PopId.of(to[i]),
                    gbps[i],
                    ServiceClass.fromLabel(serviceClass[i]).orElseThrow()));
        }
        return all;
    }

    FailureSweep.Options options() {
        return new FailureSweep.Options(
                Metric.fromLabel(metric).orElseThrow(),
                protection == null ? Optional.empty() : Diversity.fromLabel(protection),
                top);
    }

    /** The scenario list, k-th scenario = sequence number k, as the local engine builds it. */
    List<FailureScenario> scenarios(Network n) {
        List<FailureScenario> generated = FailureScenario.sweep(
                n,
                order,
                FailureScenario.kinds(kinds),
                sample > 0 ? OptionalInt.of(sample) : OptionalInt.empty(),
                seed);
        if (scenarioLines.length == 0) {
            return generated;
        }
        FailureScenario.Parsed extra = FailureScenario.parse(n, List.of(scenarioLines), scenarioFile);
        if (!extra.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", extra.problems()));
        }
        return FailureScenario.concat(generated, extra.scenarios());
    }
}
