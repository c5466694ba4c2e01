package org.wanplan.cli;

import org.wanplan.model.Network;
import org.wanplan.model.PopId;
import picocli.CommandLine.Option;

/** The {@code --from A --to B} options of commands about two PoPs, resolved by id or unique name. */
final class PopPair {
    @Option(names = "--from", required = true, paramLabel = "A", description = "PoP id or unique name")
    String from;

    @Option(names = "--to", required = true, paramLabel = "B", description = "PoP id or unique name")
    String to;

    /** Both ends in {@code network}; a failure when either is unknown or ambiguous, or both are the same. */
    PopId[] resolve(Network network) {
        PopId a = PopArgument.resolve(network, "--from", from);
        PopId b = PopArgument.resolve(network, "--to", to);
        if (a.equals(b)) {
            throw new CliFailure("--from and --to are the same PoP: " + a);
        }
        return new PopId[] {a, b};
    }
}
