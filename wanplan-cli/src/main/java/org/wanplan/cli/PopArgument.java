package org.wanplan.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.wanplan.model.EditDistance;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;

/** Resolves a PoP given on the command line by id or, when unique, by name (ignoring case). */
final class PopArgument {
    private PopArgument() {}

    static PopId resolve(Network network, String option, String text) {
        List<Pop> matches = network.popsMatching(text);
        if (matches.size() == 1) {
            return matches.get(0).id();
        }
        if (matches.isEmpty()) {
            throw new CliFailure(
                    option + ": no PoP '" + text + "' in " + network.name() + "; closest: " + closest(network, text));
        }
        throw new CliFailure(option + ": '" + text + "' is ambiguous in " + network.name() + ", give an id: "
                + matches.stream().map(p -> p.id() + " (" + p.name() + ")").collect(Collectors.joining(", ")));
    }

    private static String closest(Network network, String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return network.pops().stream()
                .sorted(Comparator.comparingInt((Pop p) ->
                                EditDistance.levenshtein(wanted, p.name().toLowerCase(Locale.ROOT)))
                        .thenComparing(p -> p.id().value()))
                .limit(5)
                .map(p -> p.id() + " (" + p.name() + ")")
                .collect(Collectors.joining(", "));
    }
}
