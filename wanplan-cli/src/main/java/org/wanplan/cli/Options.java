package org.wanplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.Optional;
import org.wanplan.routing.Diversity;
import org.wanplan.routing.Metric;
import picocli.CommandLine;

/** Parsing of the option values several commands share, as usage errors (exit 2) naming the value. */
final class Options {
    /** The command line's one JSON mapper: indented, records in component order, an empty Optional left out. */
    static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Options() {}

    static Metric metric(CommandLine.Model.CommandSpec spec, String label) {
        return Metric.fromLabel(label)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "--metric must be latency, km, cost, hops or igp, was '" + label + "'"));
    }

    /** The diversity level of {@code option}, empty when the option was not given. */
    static Optional<Diversity> diversity(CommandLine.Model.CommandSpec spec, String option, String label) {
        if (label == null) {
            return Optional.empty();
        }
        return Optional.of(Diversity.fromLabel(label)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), option + " must be span, node or srlg, was '" + label + "'")));
    }

    /** Prints one indented JSON document. */
    static void printJson(PrintWriter out, JsonNode node) throws com.fasterxml.jackson.core.JsonProcessingException {
        out.println(JSON.writeValueAsString(node));
    }
}
