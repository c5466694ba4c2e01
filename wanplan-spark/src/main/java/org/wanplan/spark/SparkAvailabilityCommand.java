package org.wanplan.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.routing.availability.Availability;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code availability} on Spark: the seeded Monte Carlo of {@code wanplan availability --monte-carlo N
 * --seed S} (element states drawn, the pair up when a path is left), its chunks spread over the cluster.
 * The same seed and sample count give the same estimate as the local engine.
 */
@Command(
        name = "availability",
        mixinStandardHelpOptions = true,
        description = "Availability of a PoP pair with restoration, by seeded simulation on Spark; prints"
                + " {network, from, to, monteCarlo: {samples, seed, mean, low, high}} as JSON.")
final class SparkAvailabilityCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NETWORK", description = "a network file or a built-in network's name")
    String network;

    @Option(names = "--from", required = true, paramLabel = "POP", description = "a PoP id or name")
    String from;

    @Option(names = "--to", required = true, paramLabel = "POP", description = "a PoP id or name")
    String to;

    @Option(
            names = {"--monte-carlo", "--samples"},
            required = true,
            paramLabel = "SAMPLES",
            description = "draws of the element states")
    int samples;

    @Option(
            names = "--seed",
            defaultValue = "20261129",
            paramLabel = "S",
            description = "seed (default: ${DEFAULT-VALUE}, as wanplan availability)")
    long seed;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master (default: spark-submit's, else" + " local[*])")
    String master;

    @Option(names = "--json", description = "JSON output (the only output; accepted for symmetry)")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (samples < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--monte-carlo must be ≥ 1, was " + samples);
        }
        PrintWriter err = spec.commandLine().getErr();
        Network n = WanplanSpark.network(network, err);
        PopId a = pop(n, from, "--from");
        PopId b = pop(n, to, "--to");
        long start = System.nanoTime();
        Availability.Estimate est;
        try (JavaSparkContext sc = WanplanSpark.context("wanplan availability " + n.name(), master)) {
            est = SparkEngine.monteCarlo(sc, n, a, b, samples, seed);
            err.printf(
                    Locale.ROOT, "%d draws on %s: %.1f s%n", samples, sc.master(), (System.nanoTime() - start) / 1e9);
        }
        ObjectNode o = SparkFailuresCommand.JSON.createObjectNode();
        o.put("network", n.name());
        o.put("from", a.value());
        o.put("to", b.value());
        o.putObject("monteCarlo")
                .put("samples", samples)
                .put("seed", seed)
                .put("mean", est.mean())
                .put("low", est.low())
                .put("high", est.high());
        PrintWriter out = spec.commandLine().getOut();
        out.println(SparkFailuresCommand.JSON.writeValueAsString(o));
        out.flush();
        return 0;
    }

    /** A PoP by id or name, as the command line resolves it: exactly one must match. */
    private PopId pop(Network n, String arg, String option) {
        java.util.List<Pop> matches = n.popsMatching(arg);
        if (matches.size() != 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    option + ": " + (matches.isEmpty() ? "no PoP '" + arg + "'" : "'" + arg + "' is ambiguous") + " in "
                            + n.name());
        }
        return matches.get(0).id();
    }
}
