package org.wanplan.routing.availability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.wanplan.model.FibreLength;
import org.wanplan.model.Network;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;
import org.wanplan.model.SrlgId;
import org.wanplan.routing.Path;

/**
 * Predicted availability of paths and protected pairs, in closed form and by Monte Carlo.
 *
 * <p>A path is up when every element on it is up: its PoPs, its spans, and the shared-risk groups its
 * spans belong to. Elements fail independently, so a path's availability is the product of its
 * elements'. A protected pair is up when either path is: elements both paths use — the end PoPs, any
 * shared PoP, span or SRLG — are counted once, as a series element in front of the two parallel
 * branches: A = Π<sub>shared</sub> · [1 − (1 − Π<sub>only W</sub>)(1 − Π<sub>only P</sub>)].
 */
public final class Availability {
    private final Network network;
    private final AvailabilityModel model;

    public Availability(Network network, AvailabilityModel model) {
        this.network = network;
        this.model = model;
    }

    /** The model the figures come from. */
    public AvailabilityModel model() {
        return model;
    }

    /** An element a path depends on: a PoP, a span or a risk group, with its availability. */
    public record Element(String id, double availability) {}

    public double span(Span s) {
        return model.span(s.length().map(FibreLength::km).orElse(model.unknownLengthKm()), s.submarine());
    }

    /** Every element {@code path} depends on, each once, keyed "pop:…", "span:…", "srlg:…". */
    public Map<String, Double> elements(Path path) {
        Map<String, Double> e = new LinkedHashMap<>();
        for (PopId p : path.pops()) {
            e.put("pop:" + p, model.popAvailability());
        }
        for (SpanId id : path.spans()) {
            Span s = network.span(id).orElseThrow();
            e.put("span:" + id, span(s));
            for (SrlgId g : s.srlgs()) {
                var kind = network.srlg(g).orElseThrow().kind();
                e.put("srlg:" + g, model.srlg(kind));
            }
        }
        return e;
    }

    public double path(Path path) {
        return product(elements(path).values());
    }

    /** Availability of a 1+1 pair, counting every element the two paths share once. */
    public double pair(Path working, Path protection) {
        Map<String, Double> w = elements(working);
        Map<String, Double> p = elements(protection);
        List<Double> shared = new ArrayList<>();
        List<Double> onlyW = new ArrayList<>();
        List<Double> onlyP = new ArrayList<>();
        w.forEach((k, a) -> (p.containsKey(k) ? shared : onlyW).add(a));
        p.forEach((k, a) -> {
            if (!w.containsKey(k)) {
                onlyP.add(a);
            }
        });
        return product(shared) * (1 - (1 - product(onlyW)) * (1 - product(onlyP)));
    }

    /** What the pair's paths share: the end PoPs always, and more when diversity is partial. */
    public Set<String> shared(Path working, Path protection) {
        Set<String> s = new LinkedHashSet<>(elements(working).keySet());
        s.retainAll(elements(protection).keySet());
        return s;
    }

    /**
     * A Monte Carlo estimate: {@code samples} independent draws of every element's state, seeded.
     *
     * @return the fraction of draws in which the path (or, with a protection path, either path) is up,
     *     with a 99.9 % Wilson score interval
     */
    public Estimate monteCarlo(Path working, Optional<Path> protection, int samples, long seed) {
        Map<String, Double> w = elements(working);
        Map<String, Double> p = protection.map(this::elements).orElse(Map.of());
        Map<String, Double> all = new LinkedHashMap<>(w);
        all.putAll(p);
        List<String> keys = new ArrayList<>(all.keySet());
        double[] up = keys.stream().mapToDouble(all::get).toArray();
        boolean[] inW = new boolean[keys.size()];
        boolean[] inP = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            inW[i] = w.containsKey(keys.get(i));
            inP[i] = p.containsKey(keys.get(i));
        }
        SplittableRandom random = new SplittableRandom(seed);
        long good = 0;
        for (int n = 0; n < samples; n++) {
            boolean wUp = true;
            boolean pUp = protection.isPresent();
            for (int i = 0; i < up.length; i++) {
                if (random.nextDouble() >= up[i]) {
                    wUp &= !inW[i];
                    pUp &= !inP[i];
                }
            }
            if (wUp || pUp) {
                good++;
            }
        }
        return Estimate.wilson(good, samples, 3.2905); // z for 99.9 %
    }

    /** A proportion and its confidence interval. */
    public record Estimate(double mean, double low, double high, long samples) {
        static Estimate wilson(long good, long n, double z) {
            double p = (double) good / n;
            double z2 = z * z;
            double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
            double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
            return new Estimate(p, Math.max(0, centre - half), Math.min(1, centre + half), n);
        }

        public boolean contains(double value) {
            return value >= low && value <= high;
        }
    }

    /** Expected downtime per year in minutes for an availability. */
    public static double downtimeMinutesPerYear(double availability) {
        return (1 - availability) * AvailabilityModel.HOURS_PER_YEAR * 60;
    }

    private static double product(Iterable<Double> values) {
        double p = 1;
        for (double v : values) {
            p *= v;
        }
        return p;
    }
}
