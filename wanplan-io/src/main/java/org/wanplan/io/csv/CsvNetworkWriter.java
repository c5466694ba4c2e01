package org.wanplan.io.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;
import org.wanplan.model.Srlg;
import org.wanplan.model.SrlgId;

/** Writes the three CSV tables {@link CsvNetworkReader} reads, lossless except for the network name. */
public final class CsvNetworkWriter {
    public void writePops(Network network, Writer out) throws IOException {
        out.write("id,name,country,lat,lon,population\n");
        for (Pop p : network.pops()) {
            row(
                    out,
                    List.of(
                            p.id().value(),
                            p.name(),
                            p.countryCode().orElse(""),
                            p.location().map(l -> Double.toString(l.latitude())).orElse(""),
                            p.location()
                                    .map(l -> Double.toString(l.longitude()))
                                    .orElse(""),
                            p.population().isPresent()
                                    ? Long.toString(p.population().getAsLong())
                                    : ""));
        }
    }

    public void writeSpans(Network network, Writer out) throws IOException {
        out.write("id,a,b,lengthKm,lengthSource,capacityGbps,srlgs,submarine,ownership,leaseEurPerMonth\n");
        for (Span s : network.spans()) {
            row(
                    out,
                    List.of(
                            s.id().value(),
                            s.a().value(),
                            s.b().value(),
                            s.length().map(l -> Double.toString(l.km())).orElse(""),
                            s.length().map(l -> l.source().label()).orElse(""),
                            Double.toString(s.capacityGbps()),
                            s.srlgs().stream().map(SrlgId::value).collect(Collectors.joining(";")),
                            Boolean.toString(s.submarine()),
                            s.ownership().kind().label(),
                            s.ownership().leaseEurPerMonth().stream()
                                    .mapToObj(Double::toString)
                                    .findFirst()
                                    .orElse("")));
        }
    }

    public void writeSrlgs(Network network, Writer out) throws IOException {
        out.write("id,kind,name\n");
        for (Srlg g : network.srlgs()) {
            row(out, List.of(g.id().value(), g.kind().label(), g.name()));
        }
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        out.write(cells.stream().map(Csv::quote).collect(Collectors.joining(",")));
        out.write('\n');
    }
}
