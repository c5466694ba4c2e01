package org.wanplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignCommandTest {
    @TempDir
    Path dir;

    /** The JSON a successful run of {@code args} prints. */
    private static JsonNode json(String... args) throws Exception {
        NetworkCommandTest.Run r = NetworkCommandTest.run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private Path sites() throws Exception {
        return Files.writeString(dir.resolve("sites.csv"), """
                id,name,city,country,lat,lon,role,bandwidthMbps,realtimePct,businessPct,resilience
                hq,Head office,Paris,FR,,,hub,1000,20,50,srlg-diverse
                lyon,Lyon store,Lyon,FR,,,,200,,,
                brest,Brest store,Brest,FR,,,,50,,,pop-diverse
                """);
    }

    @Test
    void design_json_has_sites_latency_quote_and_span_load() throws Exception {
        NetworkCommandTest.Run r = NetworkCommandTest.run("design", "euro350", "--sites", sites().toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("sites")).hasSize(3);
        for (JsonNode s : j.path("sites")) {
            for (String f : List.of("id", "name", "lat", "lon", "role", "bandwidthMbps", "resilience", "tails")) {
                assertThat(s.has(f)).as(f).isTrue();
            }
            for (JsonNode t : s.path("tails")) {
                assertThat(t.has("pop") && t.has("km") && t.has("onNet"))
                        .as(t.toString())
                        .isTrue();
            }
            boolean refused = s.path("refused").asBoolean();
            assertThat(refused ? s.has("reason") : s.has("availability") && s.has("nrc") && s.has("mrc"))
                    .as(s.toString())
                    .isTrue();
            assertThat(s.has("reason")).isEqualTo(refused); // an empty reason is left out, not null
        }
        assertThat(j.path("latency")).hasSize(3); // any-to-any: 3 pairs
        assertThat(j.path("latency").get(0).has("rttMs")).isTrue();
        JsonNode q = j.path("quote");
        BigDecimal mrc = BigDecimal.ZERO;
        for (JsonNode s : j.path("sites")) {
            mrc = mrc.add(s.path("mrc").decimalValue());
        }
        assertThat(q.path("mrc").decimalValue()).isEqualByComparingTo(mrc); // site lines add up to the quote
        assertThat(q.path("totalContractValue").decimalValue())
                .isEqualByComparingTo(q.path("nrc").decimalValue().add(mrc.multiply(BigDecimal.valueOf(36))));
        assertThat(j.path("spanLoadGbps").size()).isPositive();
    }

    @Test
    void compare_puts_both_networks_side_by_side() throws Exception {
        NetworkCommandTest.Run r = NetworkCommandTest.run("compare", "--sites", sites().toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String net : List.of("euro350", "sparse")) {
            for (String f : List.of(
                    "onNetShare",
                    "meanTailKm",
                    "p95TailKm",
                    "meanRttMs",
                    "maxRttMs",
                    "meanAvailability",
                    "minAvailability",
                    "refused",
                    "totalContractValue")) {
                assertThat(j.path(net).has(f)).as(net + " " + f).isTrue();
            }
        }
        // the dense network homes these three cities on-net; the sparse one has no PoP in Brest
        assertThat(j.path("euro350").path("onNetShare").asDouble()).isEqualTo(1.0);
        assertThat(j.path("sparse").path("onNetShare").asDouble()).isLessThan(1.0);
        // whatItTakes on each side: needed exactly on the side that is slower, against the other's figure
        for (String[] pair : new String[][] {{"euro350", "sparse"}, {"sparse", "euro350"}}) {
            JsonNode w = j.path(pair[0]).path("whatItTakes");
            assertThat(w.path("competitor").asText()).isEqualTo(pair[1]);
            assertThat(w.path("meanRttMs").asDouble())
                    .isEqualTo(j.path(pair[0]).path("meanRttMs").asDouble());
            assertThat(w.path("competitorMeanRttMs").asDouble())
                    .isEqualTo(j.path(pair[1]).path("meanRttMs").asDouble());
            assertThat(w.path("needed").asBoolean())
                    .isEqualTo(j.path(pair[0]).path("meanRttMs").asDouble()
                            > j.path(pair[1]).path("meanRttMs").asDouble() - 0.001);
        }
    }

    @Test
    void compare_names_the_waves_that_win_the_manufacturer_and_their_cost_beside_the_contract() throws Exception {
        Path sample = sample("euro-manufacturer.csv");
        Path report = dir.resolve("compare.html");
        NetworkCommandTest.Run r = NetworkCommandTest.run(
                "compare",
                "--sites",
                sample.toString(),
                "--topology",
                "hub-spoke",
                "--json",
                "--report",
                report.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode w = j.path("euro350").path("whatItTakes");
        assertThat(w.path("needed").asBoolean()).isTrue();
        assertThat(w.path("met").asBoolean()).isTrue();
        assertThat(w.path("afterMeanRttMs").asDouble())
                .isLessThan(j.path("sparse").path("meanRttMs").asDouble());
        double km = 0;
        double mrc = 0;
        for (JsonNode l : w.path("spans")) {
            km += l.path("lengthKm").asDouble();
            mrc += l.path("mrc").asDouble();
            assertThat(l.path("mrc").asDouble()).isCloseTo(l.path("lengthKm").asDouble() * 1.25, within(0.006));
        }
        assertThat(w.path("spans").size()).isPositive();
        assertThat(w.path("km").asDouble()).isCloseTo(km, within(0.1));
        assertThat(w.path("mrc").asDouble()).isCloseTo(mrc, within(0.01));
        assertThat(w.path("termCost").asDouble()).isCloseTo(km * 1.25 * 36, within(1.0));
        assertThat(w.path("contractValue").decimalValue())
                .isEqualByComparingTo(
                        j.path("euro350").path("totalContractValue").decimalValue());
        assertThat(w.path("shareOfContract").asDouble())
                .isCloseTo(
                        w.path("termCost").asDouble() / w.path("contractValue").asDouble(), within(1e-6));
        assertThat(j.path("sparse").path("whatItTakes").path("needed").asBoolean())
                .isFalse();
        // the report says it and draws every wave on the map
        String html = Files.readString(report);
        assertThat(html).contains("What it takes to win on latency");
        assertThat(html.split("<line class=\"wave\"", -1))
                .hasSize(w.path("spans").size() + 1);
    }

    @Test
    void design_json_lists_the_worst_max_pairs_and_counts_them_all() throws Exception {
        NetworkCommandTest.Run r = NetworkCommandTest.run(
                "design",
                "euro350",
                "--sites",
                sample("euro-manufacturer.csv").toString(),
                "--topology",
                "any-to-any",
                "--json",
                "--max-pairs",
                "3");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        int sites = j.path("sites").size();
        assertThat(j.path("latencySummary").path("pairs").asLong()).isEqualTo((long) sites * (sites - 1) / 2);
        assertThat(j.path("latency")).hasSize(3);
        assertThat(j.path("latency").get(0).path("rttMs").asDouble())
                .isEqualTo(j.path("latencySummary").path("maxRttMs").asDouble())
                .isGreaterThanOrEqualTo(j.path("latency").get(2).path("rttMs").asDouble());
        assertThat(NetworkCommandTest.run(
                                "design",
                                "euro350",
                                "--sites",
                                sample("euro-manufacturer.csv").toString(),
                                "--max-pairs",
                                "-1")
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void no_restoration_measures_sites_on_the_static_path_and_says_so() throws Exception {
        String sites = sample("euro-manufacturer.csv").toString();
        JsonNode restored = json("design", "euro350", "--sites", sites, "--topology", "hub-spoke", "--json");
        JsonNode path =
                json("design", "euro350", "--sites", sites, "--topology", "hub-spoke", "--json", "--no-restoration");
        assertThat(restored.path("availabilityBasis").asText()).isEqualTo("every-hub");
        assertThat(path.path("availabilityBasis").asText()).isEqualTo("static-path-to-anchor");
        // a static path is down whenever any element on it is: never above the rerouting figure
        assertThat(path.path("summary").path("meanAvailability").asDouble())
                .isLessThan(restored.path("summary").path("meanAvailability").asDouble());
        // the round trips do not depend on how availability is measured
        assertThat(path.path("summary").path("meanRttMs").asDouble())
                .isEqualTo(restored.path("summary").path("meanRttMs").asDouble());
    }

    @Test
    void a_partner_book_sets_who_serves_each_countrys_off_net_tails_and_how_fast_they_repair() throws Exception {
        String sites = sample("euro-manufacturer.csv").toString();
        Path book = Files.writeString(dir.resolve("partners.yaml"), """
                default: {name: slow partner, mttrHours: 48}
                countries:
                  DE: {name: Deutsche Telekom, availabilityPct: 99.99}
                """);
        JsonNode base = json("design", "sparse", "--sites", sites, "--json");
        NetworkCommandTest.Run r = NetworkCommandTest.run(
                "design", "sparse", "--sites", sites, "--json", "--partner-book", book.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        java.util.Map<String, String> country = new java.util.HashMap<>();
        Files.readAllLines(Path.of(sites)).stream().skip(1).forEach(l -> country.put(l.split(",")[0], l.split(",")[3]));
        int offNet = 0;
        for (int i = 0; i < j.path("sites").size(); i++) {
            JsonNode s = j.path("sites").get(i);
            JsonNode t = s.path("tails").get(0);
            if (t.path("onNet").asBoolean()) {
                assertThat(t.has("partner")).as(t.toString()).isFalse();
                continue;
            }
            offNet++;
            String id = s.path("id").asText();
            boolean german = country.get(id).equals("DE");
            assertThat(t.path("partner").asText()).as(id).isEqualTo(german ? "Deutsche Telekom" : "slow partner");
            assertThat(base.path("sites")
                            .get(i)
                            .path("tails")
                            .get(0)
                            .path("partner")
                            .asText())
                    .isEqualTo("local partner");
            if (!german && s.path("resilience").asText().equals("single")) {
                // 48 h against the default 15 h: more downtime on the same tail
                assertThat(s.path("availability").asDouble())
                        .as(id)
                        .isLessThan(
                                base.path("sites").get(i).path("availability").asDouble());
            }
        }
        assertThat(offNet).as("the manufacturer has off-net sites on sparse").isPositive();
    }

    @Test
    void each_pair_is_held_to_its_distance_bands_targets_and_the_breaches_are_counted() throws Exception {
        String sites = sample("euro-manufacturer.csv").toString();
        JsonNode d = json("design", "euro350", "--sites", sites, "--topology", "hub-spoke", "--json");
        // the defaults: the summary counts exactly the listed pairs that miss their band's target
        long realtime = 0;
        long business = 0;
        for (JsonNode p : d.path("latency")) {
            double km = p.path("km").asDouble();
            double rtt = p.path("rttMs").asDouble();
            double[] target =
                    km <= 1000 ? new double[] {30, 50} : km <= 4000 ? new double[] {45, 70} : new double[] {90, 110};
            assertThat(p.path("realtimeOk").asBoolean()).as(p.toString()).isEqualTo(rtt <= target[0]);
            assertThat(p.path("businessOk").asBoolean()).as(p.toString()).isEqualTo(rtt <= target[1]);
            realtime += rtt > target[0] ? 1 : 0;
            business += rtt > target[1] ? 1 : 0;
        }
        assertThat(d.path("latencySummary").path("pairs").asLong())
                .isEqualTo(d.path("latency").size());
        assertThat(d.path("latencySummary").path("realtimeBreaches").asLong()).isEqualTo(realtime);
        assertThat(d.path("latencySummary").path("businessBreaches").asLong()).isEqualTo(business);
        assertThat(NetworkCommandTest.run("design", "euro350", "--sites", sites, "--topology", "hub-spoke")
                        .out())
                .contains("over their distance band's target: " + realtime + " real-time, " + business + " business");
        // a file: pairs up to 500 km held to 1 ms, the rest to a minute
        Path rtt = Files.writeString(dir.resolve("rtt.yaml"), """
                bands:
                  - {upToKm: 500, realtimeMs: 1, businessMs: 1, bestEffortMs: 1}
                  - {realtimeMs: 60000, businessMs: 60000, bestEffortMs: 60000}
                """);
        JsonNode strict = json(
                "design",
                "euro350",
                "--sites",
                sites,
                "--topology",
                "hub-spoke",
                "--json",
                "--rtt-targets",
                rtt.toString());
        long near = 0;
        for (JsonNode p : strict.path("latency")) {
            near += p.path("km").asDouble() <= 500 && p.path("rttMs").asDouble() > 1 ? 1 : 0;
        }
        assertThat(near).isPositive();
        assertThat(strict.path("latencySummary").path("realtimeBreaches").asLong())
                .isEqualTo(near);
        assertThat(strict.path("latencySummary").path("bestEffortBreaches").asLong())
                .isEqualTo(near);
        // compare carries the counts per network
        JsonNode c = json("compare", "--sites", sites, "--topology", "hub-spoke", "--json");
        assertThat(c.path("euro350").path("realtimeBreaches").asLong()).isEqualTo(realtime);
        assertThat(c.path("sparse").has("businessBreaches")).isTrue();
        // a bad file: reported by line, nothing designed
        Path bad = Files.writeString(
                dir.resolve("bad-rtt.json"),
                "{\"bands\": [{\"realtimeMs\": -1," + " \"businessMs\": 1, \"bestEffortMs\": 1}]}");
        NetworkCommandTest.Run r =
                NetworkCommandTest.run("design", "euro350", "--sites", sites, "--rtt-targets", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains(
                        bad + ":1: bands[0].realtimeMs must be a number more than 0 and at most 60000 ms," + " was -1");
    }

    @Test
    void compare_quotes_each_network_with_its_own_tariff() throws Exception {
        String sites = sample("french-retailer.csv").toString();
        Path theirs = Files.writeString(dir.resolve("incumbent.yaml"), "managementMrc: 145\n");
        JsonNode same = json("compare", "--sites", sites, "--json");
        NetworkCommandTest.Run r = NetworkCommandTest.run(
                "compare",
                "--sites",
                sites,
                "--json",
                "--tariff",
                "sparse=" + theirs,
                "--report",
                dir.resolve("p.html").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode own = new ObjectMapper().readTree(r.out());
        assertThat(own.path("euro350").path("tariff").asText()).isEqualTo("built-in");
        assertThat(own.path("sparse").path("tariff").asText()).isEqualTo("incumbent.yaml");
        // euro350 unchanged; sparse pays 100 a month more per accepted site over the 36 months
        assertThat(own.path("euro350").path("totalContractValue").decimalValue())
                .isEqualByComparingTo(
                        same.path("euro350").path("totalContractValue").decimalValue());
        int accepted = own.path("sparse").path("sites").asInt()
                - own.path("sparse").path("refused").asInt();
        assertThat(own.path("sparse").path("totalContractValue").decimalValue())
                .isEqualByComparingTo(same.path("sparse")
                        .path("totalContractValue")
                        .decimalValue()
                        .add(BigDecimal.valueOf(100L * accepted * 36)));
        String html = Files.readString(dir.resolve("p.html"));
        assertThat(html)
                .contains("Each network is priced with its own tariff: euro350 with built-in, sparse with"
                        + " incumbent.yaml.");
        // the table names each network's tariff as text
        NetworkCommandTest.Run table =
                NetworkCommandTest.run("compare", "--sites", sites, "--tariff", "sparse=" + theirs);
        assertThat(table.out()).containsPattern("(?m)^tariff +built-in +incumbent\\.yaml$");
        // a malformed or foreign --tariff is a usage error, before anything is read
        assertThat(NetworkCommandTest.run("compare", "--sites", sites, "--tariff", "sparse")
                        .exit())
                .isEqualTo(2);
        NetworkCommandTest.Run foreign =
                NetworkCommandTest.run("compare", "--sites", sites, "--tariff", "geant=" + theirs);
        assertThat(foreign.exit()).isEqualTo(2);
        assertThat(foreign.err()).contains("--tariff names geant, which is not compared here (euro350, sparse)");
        NetworkCommandTest.Run missing =
                NetworkCommandTest.run("compare", "--sites", sites, "--tariff", "sparse=" + dir.resolve("none.yaml"));
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();
    }

    @Test
    void a_bad_partner_book_is_reported_by_line_and_nothing_designed() throws Exception {
        Path book = Files.writeString(dir.resolve("partners.json"), """
                {"countries": {
                  "DE": {"mttrHours": -3}
                }}
                """);
        NetworkCommandTest.Run r = NetworkCommandTest.run(
                "design", "euro350", "--sites", sites().toString(), "--json", "--partner-book", book.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains(book + ":2: countries.DE.mttrHours must be a number more than 0 and at most 8766 h, was -3");
        NetworkCommandTest.Run missing = NetworkCommandTest.run(
                "compare",
                "--sites",
                sites().toString(),
                "--partner-book",
                dir.resolve("none.json").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("none.json");
    }

    private Path costBook(String currency) throws Exception {
        return Files.writeString(dir.resolve("costs-" + currency + ".yaml"), """
                currency: %s
                ownTiers:
                  - {upToMbps: 100, accessMrc: 100, accessNrc: 400, portMrc: 30}
                  - {upToMbps: 1000, accessMrc: 200, accessNrc: 600, portMrc: 60}
                managementMrc: 20
                installNrc: 500
                partners:
                  default: [{upToMbps: 1000, mrc: 300, nrc: 1000, mrcPerKm: 2}]
                """.formatted(currency));
    }

    @Test
    void a_cost_book_gives_each_site_its_cost_and_the_quote_its_margin() throws Exception {
        JsonNode j = json(
                "design",
                "euro350",
                "--sites",
                sites().toString(),
                "--json",
                "--cost-book",
                costBook("EUR").toString());
        JsonNode m = j.path("margin");
        BigDecimal term = BigDecimal.valueOf(36);
        BigDecimal costs = BigDecimal.ZERO;
        int site = 0;
        for (JsonNode s : j.path("sites")) {
            // each site's cost again from its tails in the design and the book's figures above
            boolean big = s.path("bandwidthMbps").asDouble() > 100;
            BigDecimal nrc = new BigDecimal(500);
            BigDecimal mrc = new BigDecimal(20);
            for (JsonNode t : s.path("tails")) {
                mrc = mrc.add(new BigDecimal(big ? 60 : 30)); // a port a circuit
                if (t.path("onNet").asBoolean()) {
                    nrc = nrc.add(new BigDecimal(big ? 600 : 400))
                            .add(new BigDecimal(30000)
                                    .multiply(
                                            BigDecimal.valueOf(t.path("buildKm").asDouble())));
                    mrc = mrc.add(new BigDecimal(big ? 200 : 100));
                } else {
                    // 30 % more across a border (the default cross-border share)
                    BigDecimal share = t.path("crossBorder").asBoolean() ? new BigDecimal("1.3") : BigDecimal.ONE;
                    nrc = nrc.add(new BigDecimal(1000).multiply(share));
                    mrc = mrc.add(new BigDecimal(300)
                            .add(BigDecimal.valueOf(2 * t.path("km").asDouble()))
                            .multiply(share));
                }
            }
            BigDecimal cost = nrc.add(mrc.multiply(term));
            BigDecimal price = s.path("nrc")
                    .decimalValue()
                    .add(s.path("mrc").decimalValue().multiply(term));
            JsonNode sm = m.path("sites").get(site++);
            assertThat(sm.path("site").asText()).isEqualTo(s.path("id").asText());
            assertThat(sm.path("cost").decimalValue().doubleValue()).isCloseTo(cost.doubleValue(), within(1.0));
            assertThat(sm.path("price").decimalValue()).isEqualByComparingTo(price);
            assertThat(sm.path("margin").decimalValue())
                    .isEqualByComparingTo(price.subtract(sm.path("cost").decimalValue()));
            costs = costs.add(sm.path("cost").decimalValue());
        }
        assertThat(site).isEqualTo(3);
        // the backbone: every span's load × its km on euro350 × 0.0125 a month
        org.wanplan.model.Network euro350 =
                org.wanplan.io.builtin.BuiltinNetworks.load("euro350").orElseThrow();
        double gbpsKm = 0;
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it =
                        j.path("spanLoadGbps").fields();
                it.hasNext(); ) {
            var e = it.next();
            gbpsKm += e.getValue().asDouble()
                    * euro350.span(org.wanplan.model.SpanId.of(e.getKey()))
                            .orElseThrow()
                            .length()
                            .orElseThrow()
                            .km();
        }
        assertThat(gbpsKm).isPositive();
        assertThat(m.path("costByKind").path("backbone transport").asDouble())
                .isCloseTo(Math.round(gbpsKm * 0.0125 * 100) / 100.0 * 36, within(0.01));
        costs = costs.add(m.path("costByKind").path("backbone transport").decimalValue());
        assertThat(m.path("costTotal").decimalValue()).isEqualByComparingTo(costs);
        // nothing left out: the margin's price is the quote's
        assertThat(m.path("priceTotal").decimalValue())
                .isEqualByComparingTo(j.path("quote").path("totalContractValue").decimalValue());
        assertThat(m.path("margin").decimalValue())
                .isEqualByComparingTo(m.path("priceTotal").decimalValue().subtract(costs));
        assertThat(m.path("costOnRequest")).isEmpty();

        NetworkCommandTest.Run text = NetworkCommandTest.run(
                "design",
                "euro350",
                "--sites",
                sites().toString(),
                "--cost-book",
                costBook("EUR").toString());
        assertThat(text.out()).contains("cost: NRC EUR").contains("margin EUR").contains("backbone transport");
        // without a cost book there is no margin
        assertThat(json("design", "euro350", "--sites", sites().toString(), "--json")
                        .has("margin"))
                .isFalse();
    }

    @Test
    void a_margin_floor_reports_the_headroom_from_the_margins_own_totals() throws Exception {
        Path costs = costBook("EUR");
        JsonNode m = json(
                        "design",
                        "euro350",
                        "--sites",
                        sites().toString(),
                        "--json",
                        "--cost-book",
                        costs.toString(),
                        "--margin-floor",
                        "25")
                .path("margin");
        // headroom = 1 − cost / (price × 0.75), from the JSON's own totals
        double price = m.path("priceTotal").asDouble();
        double cost = m.path("costTotal").asDouble();
        JsonNode f = m.path("floor");
        assertThat(f.path("met").asBoolean()).isEqualTo(cost / 0.75 <= price);
        assertThat(f.path(f.path("met").asBoolean() ? "discountHeadroomPct" : "risePct")
                        .asDouble())
                .isCloseTo(Math.abs(1 - cost / 0.75 / price) * 100, within(0.01));
        // a floor without a cost book, or out of range, is a usage error
        NetworkCommandTest.Run alone =
                NetworkCommandTest.run("design", "euro350", "--sites", sites().toString(), "--margin-floor", "25");
        assertThat(alone.exit()).isEqualTo(2);
        assertThat(alone.err()).contains("--margin-floor needs --cost-book");
        NetworkCommandTest.Run high = NetworkCommandTest.run(
                "design",
                "euro350",
                "--sites",
                sites().toString(),
                "--cost-book",
                costs.toString(),
                "--margin-floor",
                "100");
        assertThat(high.exit()).isEqualTo(2);
        assertThat(high.err()).contains("--margin-floor must be from 0 to under 100");
        NetworkCommandTest.Run text = NetworkCommandTest.run(
                "design",
                "euro350",
                "--sites",
                sites().toString(),
                "--cost-book",
                costs.toString(),
                "--margin-floor",
                "25");
        assertThat(text.out()).contains("margin floor 25 %:");
    }

    @Test
    void a_cost_book_in_another_currency_or_with_a_bad_value_designs_nothing() throws Exception {
        Path gbp = costBook("GBP");
        NetworkCommandTest.Run r = NetworkCommandTest.run(
                "design", "euro350", "--sites", sites().toString(), "--json", "--cost-book", gbp.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(gbp + ": the cost book is in GBP, the price book (built-in) in EUR");
        Path bad = Files.writeString(
                dir.resolve("bad-costs.yaml"),
                Files.readString(costBook("EUR")).replace("managementMrc: 20", "managementMrc: -20"));
        NetworkCommandTest.Run b = NetworkCommandTest.run(
                "design", "euro350", "--sites", sites().toString(), "--cost-book", bad.toString());
        assertThat(b.exit()).isEqualTo(1);
        assertThat(b.out()).isEmpty();
        assertThat(b.err()).contains(bad + ":5: managementMrc must be from 0 to 1000000000, was -20");
    }

    @Test
    void a_workbook_made_from_each_sample_designs_exactly_as_its_csv() throws Exception {
        for (String sample : List.of("french-retailer", "euro-manufacturer")) {
            Path csv = sample(sample + ".csv");
            // a name that does not say .xlsx: a workbook is known by its content
            Path xlsx = Files.write(
                    dir.resolve(sample + ".sites"),
                    org.wanplan.io.sites.Workbooks.fromCsv("Sites", Files.readString(csv)));
            NetworkCommandTest.Run fromCsv =
                    NetworkCommandTest.run("compare", "--sites", csv.toString(), "--topology", "hub-spoke", "--json");
            NetworkCommandTest.Run fromXlsx =
                    NetworkCommandTest.run("compare", "--sites", xlsx.toString(), "--topology", "hub-spoke", "--json");
            assertThat(fromXlsx.exit()).as(fromXlsx.err()).isZero();
            assertThat(fromXlsx.out()).isEqualTo(fromCsv.out());
            NetworkCommandTest.Run design =
                    NetworkCommandTest.run("design", "euro350", "--sites", xlsx.toString(), "--json");
            assertThat(design.out())
                    .isEqualTo(NetworkCommandTest.run("design", "euro350", "--sites", csv.toString(), "--json")
                            .out());
        }
    }

    @Test
    void a_bad_workbook_is_reported_by_sheet_row_and_column_and_nothing_designed() throws Exception {
        Path bad = Files.write(dir.resolve("bad.xlsx"), org.wanplan.io.sites.Workbooks.fromCsv("Sites", """
                        id,name,city,country,lat,lon,role,bandwidthMbps,realtimePct,businessPct,resilience
                        a,,Paris,FR,,,,-5,,,
                        b,,Lyon,FR,,,,many,,,
                        """));
        NetworkCommandTest.Run r = NetworkCommandTest.run("design", "euro350", "--sites", bad.toString(), "--json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains(bad
                        + ": Sites!H2: bandwidthMbps must be from 0.064 (64 kbit/s) to 800000 (800 Gbit/s), was -5.0")
                .contains(bad + ": Sites!H3: bandwidthMbps must be a number, was 'many'")
                .contains("2 problem(s); nothing done");
        NetworkCommandTest.Run sheet = NetworkCommandTest.run(
                "design", "euro350", "--sites", bad.toString(), "--sheet", "Customers", "--json");
        assertThat(sheet.exit()).isEqualTo(1);
        assertThat(sheet.err()).contains(bad + ": no sheet named 'Customers'; the workbook has Sites");
        NetworkCommandTest.Run csvWithSheet = NetworkCommandTest.run(
                "design", "euro350", "--sites", sites().toString(), "--sheet", "Sites", "--json");
        assertThat(csvWithSheet.exit()).isEqualTo(1);
        assertThat(csvWithSheet.err())
                .contains(sites() + ": a sheet is named, but the file is not an Excel workbook (.xlsx)");
    }

    @Test
    void a_bad_site_list_is_reported_and_nothing_designed() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), """
                id,name,city,country,lat,lon,role,bandwidthMbps,realtimePct,businessPct,resilience
                a,,Atlantis,FR,,,,100,,,
                """);
        NetworkCommandTest.Run r = NetworkCommandTest.run("design", "euro350", "--sites", bad.toString(), "--json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(bad + ":2: city 'Atlantis' not found in FR; closest:");
        assertThat(NetworkCommandTest.run("design", "euro350", "--sites", bad.toString(), "--topology", "mesh")
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void the_demo_compares_the_french_sample_and_writes_a_self_contained_report() throws Exception {
        Path report = dir.resolve("demo.html");
        NetworkCommandTest.Run r = NetworkCommandTest.run("demo", "--report", report.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("french-retailer: 120 sites").contains("report: " + report.toAbsolutePath());
        String html = Files.readString(report);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<svg")
                .contains("Round-trip latency")
                .contains("Quote")
                .contains("Executive summary")
                .contains("Availability measured to every hub, with restoration.");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script"); // offline
        // every site of the sample appears in the site table
        for (String line : Files.readAllLines(sample("french-retailer.csv")).subList(1, 121)) {
            assertThat(html).contains("<td>" + line.split(",")[0] + "</td>");
        }
    }

    @Test
    void both_samples_design_without_input_errors() throws Exception {
        for (String sample : List.of("french-retailer", "euro-manufacturer")) {
            assertThat(DemoCommand.sample(sample)).hasSizeGreaterThanOrEqualTo(60);
        }
        assertThat(DemoCommand.sample("euro-manufacturer").stream()
                        .map(s -> s.country().orElseThrow())
                        .distinct()
                        .count())
                .isGreaterThanOrEqualTo(15);
    }

    /** A sample customer's site list, as shipped in the design module. */
    static Path sample(String file) {
        return Path.of("..", "wanplan-design", "src", "main", "resources", "org", "wanplan", "design", "samples", file);
    }
}
