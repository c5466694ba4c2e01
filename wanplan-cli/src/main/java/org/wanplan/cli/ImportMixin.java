package org.wanplan.cli;

import org.wanplan.io.input.ImportOptions;
import org.wanplan.model.Fibre;
import picocli.CommandLine.Option;

/** Options that say how to fill in what an imported file leaves out. */
final class ImportMixin {
    @Option(
            names = "--route-factor",
            paramLabel = "F",
            defaultValue = "" + Fibre.DEFAULT_ROUTE_FACTOR,
            description =
                    "fibre km per great-circle km for spans without a length in the file (default: ${DEFAULT-VALUE})")
    double routeFactor;

    @Option(
            names = "--default-capacity",
            paramLabel = "GBPS",
            defaultValue = "" + ImportOptions.DEFAULT_CAPACITY_GBPS,
            description = "capacity of spans without one in the file, Gbps (default: ${DEFAULT-VALUE})")
    double defaultCapacityGbps;

    ImportOptions options(picocli.CommandLine cli) {
        try {
            return new ImportOptions(routeFactor, defaultCapacityGbps);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(cli, e.getMessage());
        }
    }
}
