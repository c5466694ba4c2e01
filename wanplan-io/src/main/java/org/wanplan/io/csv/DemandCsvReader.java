package org.wanplan.io.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.Problems;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.ServiceClass;
import org.wanplan.model.Span;

/**
 * Reads a traffic matrix: {@code from,to,gbps[,class][,id]}, one demand per row. PoPs are given by id
 * or, when unique, by name; {@code class} is realtime, business or best-effort (default); a missing
 * id becomes {@code d<line>}. Every problem is reported with its line; nothing is returned then.
 */
public final class DemandCsvReader {
    private DemandCsvReader() {}

    public static List<Demand> read(Reader in, String file, Network network) throws IOException, InputException {
        Problems problems = new Problems(file);
        CsvTable table = CsvTable.read(in, Set.of("from", "to", "gbps"), Set.of("class", "id"), problems);
        List<Demand> demands = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            int line = row.line();
            Optional<PopId> from = pop(network, row, "from", problems);
            Optional<PopId> to = pop(network, row, "to", problems);
            OptionalDouble gbps = problems.number(line, "gbps", row.get("gbps"));
            if (gbps.isPresent() && !(gbps.getAsDouble() > 0 && gbps.getAsDouble() <= Span.MAX_CAPACITY_GBPS)) {
                problems.add(
                        line,
                        "gbps must be above 0 and at most " + (long) Span.MAX_CAPACITY_GBPS + " (a span's largest"
                                + " capacity), was " + row.get("gbps"));
                gbps = OptionalDouble.empty();
            }
            Optional<ServiceClass> cls =
                    row.has("class") ? ServiceClass.fromLabel(row.get("class")) : Optional.of(ServiceClass.BEST_EFFORT);
            if (cls.isEmpty()) {
                problems.add(line, "class must be realtime, business or best-effort, was '" + row.get("class") + "'");
            }
            String id = row.has("id") ? row.get("id") : "d" + line;
            boolean idOk = problems.id(line, "id", id).isPresent();
            if (idOk && !ids.add(id)) {
                problems.add(line, "duplicate demand id '" + id + "'");
            }
            if (from.isPresent() && to.isPresent() && from.get().equals(to.get())) {
                problems.add(line, "from and to are the same PoP '" + from.get() + "'");
            } else if (idOk && from.isPresent() && to.isPresent() && gbps.isPresent() && cls.isPresent()) {
                demands.add(new Demand(id, from.get(), to.get(), gbps.getAsDouble(), cls.get()));
            }
        }
        problems.throwIfAny();
        return demands;
    }

    private static Optional<PopId> pop(Network network, CsvTable.Row row, String column, Problems problems) {
        List<Pop> matches = network.popsMatching(row.get(column));
        if (matches.size() == 1) {
            return Optional.of(matches.get(0).id());
        }
        problems.add(
                row.line(),
                column + " '" + row.get(column) + "' "
                        + (matches.isEmpty()
                                ? "is not a PoP of " + network.name()
                                : "names " + matches.size() + " PoPs of " + network.name() + "; give its id"));
        return Optional.empty();
    }
}
