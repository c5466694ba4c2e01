package org.wanplan.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.wanplan.io.NetworkFiles;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.model.SpanCatalogue;
import org.wanplan.planning.augment.NetworkAugment;
import org.wanplan.planning.augment.NetworkAugment.Figures;
import org.wanplan.planning.augment.NetworkAugment.Kind;
import org.wanplan.routing.augment.SpanAugmenter.Budget;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wanplan augment}: which express spans to add to a network to cut latency, within a budget. */
@Command(
        name = "augment",
        mixinStandardHelpOptions = true,
        description = {
            "Choose express spans (own fibre or leased waves) that cut the demand-weighted path length most"
                    + " within a budget; report mean RTT and stretch before and after. Demand: population gravity"
                    + " (default), a gravity matrix, a traffic matrix, or a customer's design traffic.",
            "Candidates: PoP pairs whose great circle lies between --min-km and --max-km (any distance above"
                    + " --min-km between two of the 10 most populous PoPs) and whose fibre (great circle x 1.25)"
                    + " would beat today's path, or the --candidates offered. Costs: fibre 30,000 EUR/km one-off, a"
                    + " wave 1.25 EUR/km a month over 36 months (sources in the README)."
        })
final class AugmentCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NETWORK", description = NetworkCommand.NETWORK_HELP)
    String network;

    /** Whose traffic the new spans should shorten; population gravity when none is given. */
    static final class Traffic {
        @Option(
                names = "--sites",
                paramLabel = "FILE",
                description = "a customer's sites (CSV or JSON): its design traffic on NETWORK between the sites'"
                        + " PoPs (see --topology)")
        Path sites;

        @Option(names = "--demands", paramLabel = "FILE", description = "traffic matrix CSV: from,to,gbps[,class][,id]")
        Path demands;

        @Option(
                names = "--gravity",
                paramLabel = "TOTAL_GBPS",
                description = "gravity model from PoP populations, the --max-demands heaviest pairs")
        Double gravityGbps;

        @Option(
                names = "--population",
                description = "weigh every PoP pair by the product of the populations (the default)")
        boolean population;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Traffic traffic;

    @Option(
            names = "--topology",
            paramLabel = "T",
            defaultValue = "hub-spoke",
            description = "with --sites: hub-spoke or any-to-any (default: ${DEFAULT-VALUE})")
    String topology;

    @Option(
            names = "--max-demands",
            paramLabel = "N",
            defaultValue = "20000",
            description = "with --gravity: keep the N heaviest PoP pairs (default: ${DEFAULT-VALUE})")
    int maxDemands;

    @Option(
            names = "--candidates",
            paramLabel = "FILE",
            description = "the candidates to choose from, instead of the distance band: CSV a,b[,lengthKm][,cost]"
                    + " (cost one-off for fibre, monthly for a wave; empty: the catalogue)")
    Path candidates;

    @Option(names = "--budget-km", paramLabel = "KM", description = "at most this many km of new spans")
    Double budgetKm;

    @Option(names = "--budget-eur", paramLabel = "EUR", description = "at most this cost (NRC, or MRC x term)")
    Double budgetEur;

    @Option(names = "--max-spans", paramLabel = "N", description = "at most this many new spans")
    Integer maxSpans;

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            description = "fibre (own build) or wavelength (leased); default fibre")
    String kind = "fibre";

    @Option(names = "--min-km", paramLabel = "KM", description = "shortest candidate, great circle (default 100)")
    double minKm = 100;

    @Option(names = "--max-km", paramLabel = "KM", description = "longest candidate, great circle (default 1500)")
    double maxKm = 1500;

    @Option(names = "--nrc-per-km", paramLabel = "EUR", description = "own fibre, one-off per km (default 30000)")
    Double nrcPerKm;

    @Option(names = "--mrc-per-km", paramLabel = "EUR", description = "leased wave, per km and month (default 1.25)")
    Double mrcPerKm;

    @Option(names = "--term-months", paramLabel = "N", description = "lease term (default 36)")
    Integer termMonths;

    @Option(
            names = "--target-p90-stretch",
            paramLabel = "X",
            description = "stop once the p90 stretch is at most X (least cost greedy finds)")
    Double targetP90;

    @Option(
            names = "--target-weighted-stretch",
            paramLabel = "X",
            description = "stop once the population-weighted stretch is at most X")
    Double targetWeighted;

    @Option(names = "--out", paramLabel = "FILE", description = "write the augmented network (.json, .graphml, …)")
    Path out;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Kind k = switch (kind) {
            case "fibre" -> Kind.FIBRE;
            case "wavelength" -> Kind.WAVELENGTH;
            default -> throw usage("--kind must be fibre or wavelength, was '" + kind + "'");
        };
        if (budgetKm == null && budgetEur == null && maxSpans == null && targetP90 == null && targetWeighted == null) {
            throw usage("give a budget (--budget-km, --budget-eur, --max-spans) or a target (--target-p90-stretch,"
                    + " --target-weighted-stretch)");
        }
        for (Double t : new Double[] {targetP90, targetWeighted}) {
            if (t != null && !(t >= 1 && t <= 100)) {
                throw usage("a stretch target must be a number from 1 to 100, was " + t);
            }
        }
        positive("--budget-km", budgetKm);
        positive("--budget-eur", budgetEur);
        positive("--nrc-per-km", nrcPerKm);
        positive("--mrc-per-km", mrcPerKm);
        if (maxSpans != null && maxSpans < 0) {
            throw usage("--max-spans must be ≥ 0, was " + maxSpans);
        }
        if (termMonths != null && (termMonths < 1 || termMonths > 600)) {
            throw usage("--term-months must be 1 to 600, was " + termMonths);
        }
        if (!(minKm >= 0) || !(maxKm >= minKm) || maxKm > 20_100) {
            throw usage("--min-km and --max-km must satisfy 0 ≤ min ≤ max ≤ 20100, were " + minKm + " and " + maxKm);
        }
        if (out != null) {
            NetworkCommand.requireWritable(spec, "--out", out);
        }
        SpanCatalogue d = SpanCatalogue.defaults();
        SpanCatalogue catalogue = new SpanCatalogue(
                nrcPerKm == null ? d.fibreNrcEurPerKm() : nrcPerKm,
                mrcPerKm == null ? d.wavelengthMrcEurPerKm() : mrcPerKm,
                termMonths == null ? d.termMonths() : termMonths,
                d.expressCapacityGbps());
        Budget budget = new Budget(
                budgetEur == null ? Double.POSITIVE_INFINITY : budgetEur,
                budgetKm == null ? Double.POSITIVE_INFINITY : budgetKm,
                maxSpans == null ? Integer.MAX_VALUE : maxSpans);
        if (maxDemands < 1) {
            throw usage("--max-demands must be ≥ 1, was " + maxDemands);
        }
        if (traffic != null
                && traffic.gravityGbps != null
                && !(traffic.gravityGbps > 0 && traffic.gravityGbps <= 1e9)) {
            throw usage("--gravity must be above 0 and at most 1,000,000,000 Gbps, was " + traffic.gravityGbps);
        }
        org.wanplan.design.Topology t = org.wanplan.design.Topology.fromLabel(topology)
                .orElseThrow(() -> usage("--topology must be hub-spoke or any-to-any, was '" + topology + "'"));
        Network n = Networks.load(network);
        Optional<List<Demand>> demands = demands(n, t);
        Optional<List<NetworkAugment.Offer>> offers =
                candidates == null ? Optional.empty() : Optional.of(CandidateFile.read(candidates, n));
        NetworkAugment.Report r;
        try {
            r = augment(n, k, catalogue, budget, demands, offers);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage());
        }
        if (out != null) {
            NetworkFiles.withDefaults().write(r.augmented(), out);
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            Options.printJson(o, json(n, r, model()));
        } else {
            text(n, r, model(), o);
        }
        o.flush();
        return ExitCodes.OK;
    }

    /** Which demand the objective is weighted by, as the JSON names it. */
    private String model() {
        if (traffic == null || traffic.population) {
            return "population";
        }
        return traffic.sites != null ? "sites" : traffic.demands != null ? "demands" : "gravity";
    }

    private Optional<List<Demand>> demands(Network n, org.wanplan.design.Topology t) throws Exception {
        if (traffic == null || traffic.population) {
            return Optional.empty();
        }
        if (traffic.demands != null) {
            try (java.io.Reader in = org.wanplan.io.input.TextInput.reader(traffic.demands)) {
                return Optional.of(org.wanplan.io.csv.DemandCsvReader.read(in, traffic.demands.toString(), n));
            }
        }
        if (traffic.gravityGbps != null) {
            return Optional.of(org.wanplan.routing.Gravity.fromPopulation(n, traffic.gravityGbps, maxDemands));
        }
        // the customer's design traffic: each talking site pair's Gbps between the sites' primary PoPs
        List<org.wanplan.model.Site> sites = Designs.sites(traffic.sites, java.util.Optional.empty());
        org.wanplan.design.Design d =
                org.wanplan.design.Designer.design(n, sites, org.wanplan.design.DesignOptions.defaults(t));
        java.util.Map<String, org.wanplan.model.PopId> primary = new java.util.HashMap<>();
        d.accepted().forEach(s -> primary.put(s.site().id(), s.tails().get(0).pop()));
        List<Demand> list = new java.util.ArrayList<>();
        for (org.wanplan.design.Design.PairLatency p : d.latency()) {
            if (p.gbps() > 0 && !primary.get(p.a()).equals(primary.get(p.b()))) {
                list.add(new Demand(
                        "pair-" + (list.size() + 1),
                        primary.get(p.a()),
                        primary.get(p.b()),
                        p.gbps(),
                        org.wanplan.model.ServiceClass.BEST_EFFORT));
            }
        }
        if (list.isEmpty()) {
            throw new CliFailure(
                    traffic.sites + ": the design puts all traffic inside single PoPs; nothing to shorten");
        }
        return Optional.of(list);
    }

    private NetworkAugment.Report augment(
            Network n,
            Kind k,
            SpanCatalogue catalogue,
            Budget budget,
            Optional<List<Demand>> demands,
            Optional<List<NetworkAugment.Offer>> offers) {
        return NetworkAugment.augment(
                n,
                new NetworkAugment.Options(
                        k,
                        minKm,
                        maxKm,
                        budget,
                        catalogue,
                        targetP90 == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(targetP90),
                        targetWeighted == null
                                ? java.util.OptionalDouble.empty()
                                : java.util.OptionalDouble.of(targetWeighted)),
                demands,
                offers);
    }

    private static ObjectNode json(Network n, NetworkAugment.Report r, String demand) {
        ObjectNode o = Options.JSON.createObjectNode();
        o.put("network", n.name());
        o.put("demand", demand);
        o.put("candidates", r.candidates());
        var added = o.putArray("added");
        for (NetworkAugment.Added a : r.added()) {
            added.addObject()
                    .put("a", a.a())
                    .put("b", a.b())
                    .put("lengthKm", a.lengthKm())
                    .put("kind", a.kind().label())
                    .put("nrc", round(a.nrc()))
                    .put("mrc", round(a.mrc()));
        }
        figures(o.putObject("before"), r.before());
        figures(o.putObject("after"), r.after());
        o.put("kmAdded", Math.round(r.kmAdded() * 10) / 10.0);
        o.put("cost", round(r.cost()));
        r.targetMet().ifPresent(met -> o.put("targetMet", met));
        r.optimumMeanRttMs().ifPresent(v -> o.put("optimumMeanRttMs", Math.round(v * 1000) / 1000.0));
        r.gap().ifPresent(g -> o.put("gap", g));
        return o;
    }

    /** The figures to 0.001; null where the network cannot give one (no population, no pair 300 km apart). */
    private static void figures(ObjectNode o, Figures f) {
        put(o, "meanRttMs", f.meanRttMs());
        put(o, "p90Stretch", f.p90Stretch());
        put(o, "popWeightedStretch", f.popWeightedStretch());
    }

    private static void put(ObjectNode o, String field, double v) {
        if (Double.isNaN(v)) {
            o.putNull(field);
        } else {
            o.put(field, Math.round(v * 1000) / 1000.0);
        }
    }

    private static double round(double eur) {
        return Math.round(eur * 100) / 100.0;
    }

    private static void text(Network n, NetworkAugment.Report r, String demand, PrintWriter o) {
        o.printf(
                Locale.ROOT,
                "%s (%s demand): %d spans added of %d candidates, %,.0f km, cost %,.0f EUR%n",
                n.name(),
                demand,
                r.added().size(),
                r.candidates(),
                r.kmAdded(),
                r.cost());
        for (NetworkAugment.Added a : r.added()) {
            o.printf(
                    Locale.ROOT,
                    "  %-22s %-22s %7.1f km  %s%n",
                    a.a(),
                    a.b(),
                    a.lengthKm(),
                    a.kind() == Kind.FIBRE
                            ? String.format(Locale.ROOT, "NRC %,.0f EUR", a.nrc())
                            : String.format(Locale.ROOT, "MRC %,.0f EUR", a.mrc()));
        }
        o.printf(
                Locale.ROOT,
                "mean RTT %.2f → %.2f ms; p90 stretch %.2f → %.2f; population-weighted stretch %.2f → %.2f%n",
                r.before().meanRttMs(),
                r.after().meanRttMs(),
                r.before().p90Stretch(),
                r.after().p90Stretch(),
                r.before().popWeightedStretch(),
                r.after().popWeightedStretch());
        r.targetMet()
                .ifPresent(
                        met -> o.println(met ? "target met" : "target NOT met within the budget and the candidates"));
        r.gap()
                .ifPresent(g -> o.printf(
                        Locale.ROOT,
                        "exact optimum (all %d candidate sets enumerated): mean RTT %.3f ms; greedy is %.2f %% above it%n",
                        1 << r.candidates(),
                        r.optimumMeanRttMs().getAsDouble(),
                        100 * g));
    }

    private void positive(String option, Double v) {
        if (v != null && !(v >= 0 && Double.isFinite(v))) {
            throw usage(option + " must be a finite number ≥ 0, was " + v);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
