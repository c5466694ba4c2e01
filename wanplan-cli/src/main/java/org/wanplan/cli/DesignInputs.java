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
    @Option(
            names = "--sites",
            required = true,
            paramLabel = "FILE",
            description = "the customer's sites: CSV, JSON or an Excel workbook (.xlsx) with the CSV's header")
    Path sitesFile;

    @Option(
            names = "--sheet",
            paramLabel = "NAME",
            description = "the workbook's sheet holding the sites (default: the first)")
    String sheet;

    @Option(
            names = "--customer",
            paramLabel = "NAME",
            description =
                    "the customer's name in the report and in design's L3SM order (default: the site file's name)")
    String customer;

    @Option(
            names = "--price-book",
            paramLabel = "FILE",
            description = "prices (JSON or YAML; default: the built-in book)")
    Path priceBook;

    @Option(
            names = "--partner-book",
            paramLabel = "FILE",
            description = "the access partner and its repair time (or guaranteed availability) in each country, for"
                    + " off-net tails (JSON or YAML; default: every country's partner repairs a cut in 15 h)")
    Path partnerBook;

    private org.wanplan.model.PartnerBook partners;

    @Option(
            names = "--rtt-targets",
            paramLabel = "FILE",
            description = "round-trip targets per class by distance band (JSON or YAML; default: 30/50 ms real-time/"
                    + "business up to 1,000 km, 45/70 up to 4,000 km, 90/110 beyond, best effort 2 s)")
    Path rttTargets;

    private org.wanplan.model.RttTargets rtt;

    @Option(
            names = "--topology",
            defaultValue = "any-to-any",
            paramLabel = "T",
            description = "any-to-any or hub-spoke (default: ${DEFAULT-VALUE})")
    String topology;

    @Option(
            names = "--no-restoration",
            description = "measure each site's availability on the static backbone path to the anchor site instead"
                    + " of with restoration (the backbone rerouting around failures)")
    boolean noRestoration;

    /** The design options these inputs ask for. */
    org.wanplan.design.DesignOptions options(CommandLine.Model.CommandSpec spec) throws Exception {
        org.wanplan.design.DesignOptions o = org.wanplan.design.DesignOptions.defaults(topology(spec))
                .withPartners(partners())
                .withRtt(rtt());
        return noRestoration ? o.withoutRestoration() : o;
    }

    /** The round-trip targets of {@code --rtt-targets}, read once, or the defaults. */
    org.wanplan.model.RttTargets rtt() throws Exception {
        if (rtt == null) {
            rtt = Designs.rttTargets(rttTargets);
        }
        return rtt;
    }

    /** The partner book of {@code --partner-book}, read once, or the defaults. */
    org.wanplan.model.PartnerBook partners() throws Exception {
        if (partners == null) {
            partners = Designs.partnerBook(partnerBook);
        }
        return partners;
    }

    Topology topology(CommandLine.Model.CommandSpec spec) {
        return Topology.fromLabel(topology)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "--topology must be any-to-any or hub-spoke, was '" + topology + "'"));
    }

    /** The customer's name: {@code --customer}, or the site file's name without its extension. */
    String customerName() {
        return customer != null ? customer : sitesFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }

    List<Site> sites() throws Exception {
        return Designs.sites(sitesFile, java.util.Optional.ofNullable(sheet));
    }

    PriceBook priceBook() throws Exception {
        return Designs.priceBook(priceBook);
    }

    /** The name the price book goes by: its file's name, or the built-in one's. */
    String tariffName() {
        return priceBook == null ? Comparison.BUILT_IN : priceBook.getFileName().toString();
    }
}
