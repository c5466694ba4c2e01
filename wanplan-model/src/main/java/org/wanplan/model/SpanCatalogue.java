package org.wanplan.model;

/**
 * What a new span costs: own fibre built (one-off, NRC) or a wavelength leased from another carrier
 * (monthly, MRC, over a term). Defaults and their sources:
 *
 * <ul>
 *   <li>{@code fibreNrcEurPerKm} 30,000: duct and fibre laid, one-off. The European Commission's gigabit
 *       cost study (Analysys Mason for the EC, 2016, as reported by thinkbroadband 10 Oct 2016) puts a metre
 *       of ducting at €13 (Romania) to €59 (Spain), €23 in Poland; 30 €/m is the middle of that range.
 *       Civil works are 70–90 % of a fibre build (FTTH Council Europe, 2016).
 *   <li>{@code wavelengthMrcEurPerKm} 1.25 per month: a 100G wave leased. A 2024 European wholesale report
 *       (subseacables.blogspot.com, "September 2024 Buy-Sell Wavelength Report") prices ten 100G European
 *       long-haul waves at about €10,000 a month, ~€1,000 per wave; over a typical 800 km European
 *       intercity route that is €1.25 per km and month.
 *   <li>{@code termMonths} 36: the usual wholesale wavelength term; a lease's cost is MRC × term.
 *   <li>{@code expressCapacityGbps} 400: four 100G waves, the smallest tier of the generated backbones.
 * </ul>
 *
 * Every figure can be overridden; they are not tuned to favour any network.
 */
public record SpanCatalogue(
        double fibreNrcEurPerKm, double wavelengthMrcEurPerKm, int termMonths, double expressCapacityGbps) {
    public SpanCatalogue {
        if (!(fibreNrcEurPerKm >= 0) || !(wavelengthMrcEurPerKm >= 0) || termMonths < 1 || !(expressCapacityGbps > 0)) {
            throw new IllegalArgumentException("span catalogue out of range: " + fibreNrcEurPerKm + ", "
                    + wavelengthMrcEurPerKm + ", " + termMonths + ", " + expressCapacityGbps);
        }
    }

    public static SpanCatalogue defaults() {
        return new SpanCatalogue(30_000, 1.25, 36, 400);
    }

    /** One-off cost of {@code km} of own fibre. */
    public double fibreNrc(double km) {
        return km * fibreNrcEurPerKm;
    }

    /** Monthly charge of a wave {@code km} long, to the cent. */
    public double waveMrc(double km) {
        return Math.round(km * wavelengthMrcEurPerKm * 100) / 100.0;
    }

    /** A wave's cost over the term: its monthly charge × {@link #termMonths()}. */
    public double waveTermCost(double km) {
        return km * wavelengthMrcEurPerKm * termMonths;
    }
}
