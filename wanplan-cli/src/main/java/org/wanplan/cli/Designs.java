package org.wanplan.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.wanplan.design.Design;
import org.wanplan.design.DesignFigures;
import org.wanplan.design.Quote;
import org.wanplan.model.Site;

/** What the design and compare commands share: reading sites, per-site sums, summary figures. */
final class Designs {
    private Designs() {}

    /** A site list in any of its formats ({@link org.wanplan.io.sites.SiteFiles}). */
    static List<Site> sites(Path file, java.util.Optional<String> sheet) throws Exception {
        return org.wanplan.io.sites.SiteFiles.read(org.wanplan.io.input.TextInput.bytes(file), file.toString(), sheet);
    }

    /** Reads a book of type {@code T} from JSON or YAML. */
    @FunctionalInterface
    private interface BookReader<T> {
        T read(Reader in, String file, boolean yaml) throws Exception;
    }

    /** The book in {@code file} (JSON, or YAML for .yaml/.yml) read by {@code reader}, or {@code defaults} when none is given. */
    private static <T> T book(Path file, java.util.function.Supplier<T> defaults, BookReader<T> reader)
            throws Exception {
        if (file == null) {
            return defaults.get();
        }
        String name = file.toString().toLowerCase(java.util.Locale.ROOT);
        try (Reader in = org.wanplan.io.input.TextInput.reader(file)) {
            return reader.read(in, file.toString(), name.endsWith(".yaml") || name.endsWith(".yml"));
        }
    }

    /** The price book in {@code file}, or the defaults when none is given. */
    static org.wanplan.model.PriceBook priceBook(Path file) throws Exception {
        return book(file, org.wanplan.model.PriceBook::defaults, org.wanplan.io.price.PriceBookFile::read);
    }

    /** The partner book in {@code file}, or the defaults when none is given. */
    static org.wanplan.model.PartnerBook partnerBook(Path file) throws Exception {
        return book(file, org.wanplan.model.PartnerBook::defaults, org.wanplan.io.price.PartnerBookFile::read);
    }

    /** The cost book in {@code file}, or null when none is given: there is no built-in one. */
    static org.wanplan.model.CostBook costBook(Path file) throws Exception {
        return book(file, () -> null, org.wanplan.io.price.CostBookFile::read);
    }

    /**
     * The margin of {@code q} at {@code costs}, spans measured on {@code n}; a cost book in another currency than
     * the price book is the user's failure, named with both files.
     */
    static org.wanplan.design.Margin margin(
            org.wanplan.model.Network n,
            Design d,
            Quote q,
            org.wanplan.model.CostBook costs,
            Path costFile,
            String tariff) {
        if (!costs.currency().equals(q.currency())) {
            throw new CliFailure(costFile + ": the cost book is in " + costs.currency() + ", the price book (" + tariff
                    + ") in " + q.currency() + "; give both in one currency");
        }
        return org.wanplan.design.Margin.of(d, q, costs, n);
    }

    /** The round-trip targets in {@code file}, or the defaults when none is given. */
    static org.wanplan.model.RttTargets rttTargets(Path file) throws Exception {
        return book(file, org.wanplan.model.RttTargets::defaults, org.wanplan.io.price.RttTargetsFile::read);
    }

    static BigDecimal siteNrc(Quote q, String site) {
        return DesignFigures.siteNrc(q, site);
    }

    static BigDecimal siteMrc(Quote q, String site) {
        return DesignFigures.siteMrc(q, site);
    }

    /** The compare figures of one design, as the JSON object {@code compare --json} prints per network. */
    static ObjectNode summary(Design d, Quote q) {
        return Options.JSON.valueToTree(DesignFigures.summary(d, q));
    }

    static double percentile(double[] sorted, double p) {
        return DesignFigures.percentile(sorted, p);
    }
}
