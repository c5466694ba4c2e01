package org.wanplan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wanplan.io.NetworkFiles;
import org.wanplan.io.NetworkFormat;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.io.builtin.LandMask;
import org.wanplan.model.Network;
import org.wanplan.model.NetworkFacts;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;
import org.wanplan.planning.backbone.BackboneGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wanplan network …}: look at, convert and generate backbone networks. */
@Command(
        name = "network",
        mixinStandardHelpOptions = true,
        description = "Show, list, convert and generate backbone networks.",
        subcommands = {
            NetworkCommand.Show.class,
            NetworkCommand.ListBuiltins.class,
            NetworkCommand.Convert.class,
            NetworkCommand.Generate.class
        })
final class NetworkCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required: show, list, convert or generate");
    }

    /** A usage error (exit 2) unless {@code out} names a format wanplan writes. */
    static void requireWritable(picocli.CommandLine.Model.CommandSpec spec, String what, Path out) {
        var format = NetworkFormat.forOutput(out);
        if (format.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), what + " must end in .json, .geojson, .graphml or .csv, was " + out);
        }
        if (format.get() == NetworkFormat.CSV
                && org.wanplan.io.csv.CsvFiles.of(out).isEmpty()) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "a CSV network is pops.csv + spans.csv: name " + what + " pops.csv or PREFIX-pops.csv, was " + out);
        }
    }

    static final String NETWORK_HELP = "a built-in network (euro350, sparse, bteurope) or a file: .json, .graphml,"
            + " pops.csv (+ spans.csv), SNDlib native .txt or .xml";

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Print a network's size, fibre, countries, degrees, survivability and SRLGs.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "NETWORK", description = NETWORK_HELP)
        String network;

        @Option(names = "--json", description = "print one JSON object instead of text")
        boolean json;

        @picocli.CommandLine.Mixin
        ImportMixin imports;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Network n = Networks.load(network, imports.options(spec.commandLine()));
            NetworkFacts f = NetworkFacts.of(n);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Options.printJson(out, json(n, f));
            } else {
                text(n, f, out);
            }
            out.flush();
            return ExitCodes.OK;
        }

        static ObjectNode json(Network n, NetworkFacts f) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("name", n.name());
            o.put("pops", f.pops());
            o.put("spans", f.spans());
            o.put("popsWithoutLocation", f.popsWithoutLocation());
            o.put("spansWithoutLength", f.spansWithoutLength());
            o.put("fibreKm", Math.round(f.fibreKm() * 10) / 10.0);
            o.put("countries", f.countries().size());
            f.countryList().forEach(o.putArray("countryCodes")::add);
            o.put("minDegree", f.minDegree());
            o.put("meanDegree", Math.round(f.meanDegree() * 100) / 100.0);
            o.put("connected", f.connected());
            o.put("twoEdgeConnected", f.twoEdgeConnected());
            o.put("bridges", f.bridges().size());
            f.bridges().forEach(b -> o.withArray("bridgeSpans").add(b.value()));
            o.put("srlgs", f.srlgs());
            o.put("submarineSpans", n.spans().stream().filter(Span::submarine).count());
            o.put("ownKm", Math.round(km(n, false) * 10) / 10.0);
            o.put("leasedKm", Math.round(km(n, true) * 10) / 10.0);
            o.put("leasedSpans", n.spans().stream().filter(Span::leased).count());
            o.put("leaseEurPerMonth", leaseEurPerMonth(n));
            n.attribution().ifPresent(a -> o.put("attribution", a));
            return o;
        }

        /** Km of own fibre ({@code leased} false) or of leased spans. */
        static double km(Network n, boolean leased) {
            return n.spans().stream()
                    .filter(s -> s.leased() == leased)
                    .flatMap(s -> s.length().stream())
                    .mapToDouble(l -> l.km())
                    .sum();
        }

        /** The leased spans' known monthly charges, summed. */
        private static double leaseEurPerMonth(Network n) {
            return n.spans().stream()
                    .flatMap(s -> s.ownership().leaseEurPerMonth().stream().boxed())
                    .mapToDouble(Double::doubleValue)
                    .sum();
        }

        private static void text(Network n, NetworkFacts f, PrintWriter out) {
            long submarine = n.spans().stream().filter(Span::submarine).count();
            double submarineKm = n.spans().stream()
                    .filter(Span::submarine)
                    .flatMap(s -> s.length().stream())
                    .mapToDouble(l -> l.km())
                    .sum();
            out.printf(Locale.ROOT, "%s: %d PoPs, %d spans, %d SRLGs%n", n.name(), f.pops(), f.spans(), f.srlgs());
            row(
                    out,
                    "fibre",
                    String.format(Locale.ROOT, "%,.0f km", f.fibreKm())
                            + (f.spansWithoutLength() > 0
                                    ? " (" + f.spansWithoutLength() + " spans without length)"
                                    : ""));
            row(out, "submarine", String.format(Locale.ROOT, "%d spans, %,.0f km", submarine, submarineKm));
            long leased = n.spans().stream().filter(Span::leased).count();
            double lease = leaseEurPerMonth(n);
            row(
                    out,
                    "ownership",
                    String.format(
                                    Locale.ROOT,
                                    "own %,.0f km; leased %d spans, %,.0f km",
                                    km(n, false),
                                    leased,
                                    km(n, true))
                            + (lease > 0 ? String.format(Locale.ROOT, ", %,.0f EUR/month", lease) : ""));
            row(
                    out,
                    "countries",
                    f.countries().size() + (f.countries().isEmpty() ? "" : ": " + String.join(" ", f.countryList())));
            row(out, "degree", String.format(Locale.ROOT, "min %d, mean %.2f", f.minDegree(), f.meanDegree()));
            row(
                    out,
                    "survivability",
                    (f.connected() ? "connected" : f.components() + " components") + ", "
                            + (f.twoEdgeConnected() ? "2-edge-connected" : "not 2-edge-connected") + ", "
                            + f.bridges().size()
                            + " bridge(s)" + (f.bridges().isEmpty() ? "" : ": " + abbreviate(f.bridges())));
            row(out, "SRLGs", Integer.toString(f.srlgs()));
            row(out, "no location", f.popsWithoutLocation() + " PoP(s)");
            n.attribution().ifPresent(a -> row(out, "source", a));
        }

        private static String abbreviate(List<SpanId> ids) {
            List<String> shown = ids.stream().limit(10).map(SpanId::value).toList();
            return String.join(", ", shown) + (ids.size() > 10 ? ", … (" + (ids.size() - 10) + " more)" : "");
        }

        private static void row(PrintWriter out, String label, String value) {
            out.printf(Locale.ROOT, "  %-14s %s%n", label, value);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in networks.")
    static final class ListBuiltins implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (BuiltinNetworks.Entry e : BuiltinNetworks.list()) {
                out.printf(Locale.ROOT, "%-10s %s%n", e.name(), e.description());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "convert",
            mixinStandardHelpOptions = true,
            description = "Convert a network between formats; the output format follows OUT's extension:"
                    + " .json, .geojson, .graphml, .csv (pops.csv or PREFIX-pops.csv, with spans/srlgs beside it).")
    static final class Convert implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "IN", description = NETWORK_HELP)
        String in;

        @Parameters(index = "1", paramLabel = "OUT", description = "the file to write")
        Path out;

        @picocli.CommandLine.Mixin
        ImportMixin imports;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            requireWritable(spec, "OUT", out);
            Network n = Networks.load(in, imports.options(spec.commandLine()));
            List<Path> written = NetworkFiles.withDefaults().write(n, out);
            PrintWriter o = spec.commandLine().getOut();
            o.printf(
                    Locale.ROOT,
                    "wrote %s: %d PoPs, %d spans, %d SRLGs%n",
                    written.stream()
                            .map(Path::toString)
                            .reduce((a, b) -> a + ", " + b)
                            .orElse(""),
                    n.pops().size(),
                    n.spans().size(),
                    n.srlgs().size());
            o.flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Rebuild a generated built-in network from the shipped city and land data; the result"
                    + " is byte for byte the shipped file.")
    static final class Generate implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "euro350 or sparse")
        String name;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "FILE",
                description = "where to write it (.json, .geojson, .graphml, .csv)")
        Path out;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!BuiltinNetworks.GENERATED.contains(name)) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "NAME must be euro350 or sparse, was '" + name + "'");
            }
            requireWritable(spec, "--out", out);
            BuiltinNetworks.Source source = BuiltinNetworks.source(name);
            Network n = new BackboneGenerator(LandMask.load(), BackboneGenerator.Parameters.defaults())
                    .generate(source.name(), source.attribution(), source.cities());
            NetworkFiles.withDefaults().write(n, out);
            NetworkFacts f = NetworkFacts.of(n);
            PrintWriter o = spec.commandLine().getOut();
            o.printf(
                    Locale.ROOT,
                    "wrote %s: %d PoPs, %d spans, %,.0f km own fibre + %,.0f km leased in %d express spans, %s%n",
                    out,
                    f.pops(),
                    f.spans(),
                    Show.km(n, false),
                    Show.km(n, true),
                    n.spans().stream().filter(s -> s.leased()).count(),
                    f.twoEdgeConnected() ? "2-edge-connected" : "NOT 2-edge-connected");
            o.flush();
            return ExitCodes.OK;
        }
    }
}
