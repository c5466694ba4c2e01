package org.wanplan.cli;

import java.nio.file.Path;
import java.util.List;
import org.wanplan.design.Topology;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Site;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The inputs design and compare share: the site list, the price book and the VPN topology. */
final class DesignInputs {
    @Option(names = "--sites", required = true, paramLabel = "FILE", description = "the customer's sites (CSV or JSON)")
    Path sitesFile;

    @Option(
            names = "--price-book",
            paramLabel = "FILE",
            description = "prices (JSON or YAML; default: the built-in book)")
    Path priceBook;

    @Option(
            names = "--topology",
            defaultValue = "any-to-any",
            paramLabel = "T",
            description = "any-to-any or hub-spoke (default: ${DEFAULT-VALUE})")
    String topology;

    Topology topology(CommandLine.Model.CommandSpec spec) {
        return Topology.fromLabel(topology)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "--topology must be any-to-any or hub-spoke, was '" + topology + "'"));
    }

    List<Site> sites() throws Exception {
        return Designs.sites(sitesFile);
    }

    PriceBook priceBook() throws Exception {
        return Designs.priceBook(priceBook);
    }
}
