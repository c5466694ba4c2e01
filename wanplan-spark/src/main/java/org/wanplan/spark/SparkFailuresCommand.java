package org.wanplan.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.wanplan.io.csv.DemandCsvReader;
import org.wanplan.io.input.TextInput;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.routing.Diversity;
import org.wanplan.routing.FailureScenario;
import org.wanplan.routing.Gravity;
import org.wanplan.routing.Metric;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code failures} on Spark: the options of {@code wanplan failures}, plus {@code --master} and
 * {@code --partitions}; the same JSON document on stdout, timing on stderr.
 */
@Command(
        name = "failures",
        mixinStandardHelpOptions = true,
        description = "Every single failure (--order 1) or every pair of them (--order 2) on Spark; prints the JSON"
                + " of wanplan failures --json.")
final class SparkFailuresCommand implements Callable<Integer> {
    /** As the command line's {@code --json}: indented, absent values left out. */
    static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    @Parameters(
            paramLabel = "NETWORK",
            description = "a network file (wanplan JSON, GraphML, SNDlib, CSV) or a" + " built-in network's name")
    String network;

    static final class Traffic {
        @Option(names = "--demands", paramLabel = "FILE", description = "traffic matrix CSV: from,to,gbps[,class][,id]")
        Path demands;

        @Option(names = "--gravity", paramLabel = "TOTAL_GBPS", description = "gravity model from PoP populations")
        Double gravityGbps;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Traffic traffic;

    @Option(
            names = "--scenarios",
            paramLabel = "FILE",
            description = "extra scenarios, one per line: NAME: span:ID, pop:ID, srlg:ID (read here, sent to the"
                    + " executors)")
    Path scenarioFile;

    @Option(
            names = "--max-demands",
            paramLabel = "N",
            defaultValue = "20000",
            description = "with --gravity: keep the N heaviest PoP pairs (default: ${DEFAULT-VALUE})")
    int maxDemands;

    @Option(
            names = "--metric",
            defaultValue = "latency",
            paramLabel = "M",
            description = "routing metric (default: ${DEFAULT-VALUE})")
    String metric;

    @Option(
            names = "--protect",
            paramLabel = "LEVEL",
            description = "place every demand 1+1 at span, node or srlg" + " diversity")
    String protect;

    @Option(
            names = "--top",
            defaultValue = "10",
            paramLabel = "N",
            description = "rows per table (default:" + " ${DEFAULT-VALUE})")
    int top;

    @Option(
            names = "--order",
            defaultValue = "1",
            paramLabel = "K",
            description =
                    "1: every single failure; 2: every"
                            + " unordered pair of them, without the pairs one element already implies (default: ${DEFAULT-VALUE})")
    int order;

    @Option(
            names = "--kinds",
            defaultValue = "span,pop,srlg",
            paramLabel = "K,…",
            description = "which elements fail: span, pop, srlg (default: ${DEFAULT-VALUE})")
    String kinds;

    @Option(names = "--sample", paramLabel = "N", description = "evaluate N scenarios drawn at random (seeded)")
    Integer sample;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "S",
            description = "seed of --sample (default:" + " ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master: local[N], spark://host:7077, yarn,"
                    + " k8s://…; default: spark-submit's, else local[*]")
    String master;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "0",
            description = "scenario ranges (default:" + " four per core)")
    int partitions;

    @Option(
            names = "--json",
            description = "JSON output (the only output of this engine; accepted so that command"
                    + " lines move between engines unchanged)")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Metric m = Metric.fromLabel(metric)
                .orElseThrow(() -> usage("--metric must be latency, km, cost, hops or igp, was '" + metric + "'"));
        Optional<Diversity> protection = protect == null
                ? Optional.empty()
                : Optional.of(Diversity.fromLabel(protect)
                        .orElseThrow(() -> usage("--protect must be span, node or srlg, was '" + protect + "'")));
        if (top < 1 || maxDemands < 1) {
            throw usage("--top and --max-demands must be ≥ 1");
        }
        if (traffic.gravityGbps != null && !(traffic.gravityGbps > 0)) {
            throw usage("--gravity must be > 0, was " + traffic.gravityGbps);
        }
        if (order != 1 && order != 2) {
            throw usage("--order must be 1 or 2, was " + order);
        }
        if (sample != null && sample < 1) {
            throw usage("--sample must be ≥ 1, was " + sample);
        }
        if (partitions < 0) {
            throw usage("--partitions must be ≥ 0, was " + partitions);
        }
        Set<FailureScenario.Kind> chosen;
        try {
            chosen = FailureScenario.kinds(kinds);
        } catch (IllegalArgumentException e) {
            throw usage("--" + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        Network n = WanplanSpark.network(network, err);
        List<Demand> demands;
        if (traffic.demands != null) {
            try (Reader in = TextInput.reader(traffic.demands)) {
                demands = DemandCsvReader.read(in, traffic.demands.toString(), n);
            }
        } else {
            demands = Gravity.fromPopulation(n, traffic.gravityGbps, maxDemands);
        }
        List<String> lines = List.of();
        if (scenarioFile != null) {
            lines = TextInput.read(scenarioFile).lines().toList();
            FailureScenario.Parsed parsed = FailureScenario.parse(n, lines, scenarioFile.toString());
            if (!parsed.problems().isEmpty()) {
                parsed.problems().forEach(p -> err.println(org.wanplan.io.input.InputProblem.printable(p)));
                err.println(parsed.problems().size() + " problem(s) in " + scenarioFile);
                err.flush();
                return 1;
            }
        }
        SweepSpec sweep = new SweepSpec(
                n,
                demands,
                m,
                protection,
                top,
                order,
                chosen,
                sample == null ? 0 : sample,
                seed,
                scenarioFile == null ? null : scenarioFile.toString(),
                lines);
        long start = System.nanoTime();
        SparkEngine.Result r;
        try (JavaSparkContext sc = WanplanSpark.context("wanplan failures " + n.name(), master)) {
            r = SparkEngine.sweep(sc, sweep, partitions);
            err.printf(
                    Locale.ROOT,
                    "%d scenarios in %d partitions on %s: %.1f s%n",
                    r.scenarioCount(),
                    r.partitions(),
                    sc.master(),
                    (System.nanoTime() - start) / 1e9);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(JSON.writeValueAsString(
                r.report().document(r.network().name(), order, r.scenarioCount(), r.baseline(), top)));
        out.flush();
        return 0;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
