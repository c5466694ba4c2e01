package org.wanplan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;

/** The same reservation tests against every database wanplan runs on. */
abstract class ReservationsContract {
    Database db;
    private Reservations reservations;

    abstract Database open() throws Exception;

    static Network triangle() throws Exception {
        return Network.builder("tri")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .pop(Pop.of("c", "C", 1, 0))
                .span(Span.of("ab", "a", "b", 100, 10))
                .span(Span.of("bc", "b", "c", 100, 10))
                .span(Span.of("ca", "c", "a", 100, 10))
                .build();
    }

    @BeforeEach
    void setUp() throws Exception {
        db = open();
        reservations = db.reservations();
        reservations.register(triangle());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void a_reservation_is_all_or_nothing() throws Exception {
        reservations.reserve("o1", "tri", Map.of("ab", 6.0, "bc", 6.0));
        // bc has 4 left: the whole order is refused, ab untouched
        assertThatThrownBy(() -> reservations.reserve("o2", "tri", Map.of("ab", 3.0, "bc", 5.0)))
                .isInstanceOf(OverbookedException.class)
                .hasMessage("span bc of tri: 5.000 Gbps asked, 6.000 of 10.000 Gbps already reserved");
        assertThat(reservations.reserved("tri"))
                .containsEntry("ab", 6.0)
                .containsEntry("bc", 6.0)
                .containsEntry("ca", 0.0);
        reservations.release("o1");
        assertThat(reservations.reserved("tri")).containsEntry("ab", 0.0).containsEntry("bc", 0.0);
        assertThat(reservations.reservationTotals("tri")).isEmpty();
    }

    @Test
    void the_schema_itself_refuses_an_overbooking() {
        // defence in depth: even SQL that skips the application's checks cannot commit reserved > capacity
        assertThatThrownBy(
                        () -> db.jdbi()
                                .useHandle(
                                        h -> h.execute(
                                                "UPDATE span_capacity SET reserved_gbps = 11 WHERE network = 'tri' AND span_id = 'ab'")))
                .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT))
                        .contains("check constraint"));
        assertThat(reservations.reserved("tri")).containsEntry("ab", 0.0);
    }

    @Test
    void registering_twice_keeps_what_is_reserved() throws Exception {
        reservations.reserve("o1", "tri", Map.of("ca", 2.5));
        reservations.register(triangle());
        assertThat(reservations.reserved("tri")).containsEntry("ca", 2.5);
    }

    @Test
    void an_order_walks_its_lifecycle_reserving_and_releasing_its_bandwidth() throws Exception {
        Orders orders = db.orders();
        orders.create("alice", "o1", "ACME", "tri", Map.of("ab", 4.0, "bc", 2.0));
        assertThatThrownBy(() -> orders.reserve("alice", "o1"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("order o1 is draft: it cannot be reserved");
        orders.submit("alice", "o1");
        assertThat(orders.reserve("bob", "o1").state()).isEqualTo(OrderState.RESERVED);
        assertThat(reservations.reserved("tri")).containsEntry("ab", 4.0).containsEntry("bc", 2.0);
        orders.activate("bob", "o1");
        assertThat(orders.cease("bob", "o1").state()).isEqualTo(OrderState.CEASED);
        assertThat(reservations.reserved("tri")).containsEntry("ab", 0.0).containsEntry("bc", 0.0);
        assertThat(orders.find("o1").orElseThrow().state()).isEqualTo(OrderState.CEASED);
        assertThat(orders.audit())
                .containsExactly(
                        "alice create order o1 null → draft",
                        "alice submitted order o1 draft → submitted",
                        "bob reserved order o1 submitted → reserved",
                        "bob activated order o1 reserved → active",
                        "bob ceased order o1 active → ceased");
    }

    @Test
    void a_refused_reservation_leaves_the_order_submitted_and_nothing_reserved() throws Exception {
        Orders orders = db.orders();
        reservations.reserve("other", "tri", Map.of("bc", 9.0));
        orders.create("alice", "o2", "ACME", "tri", Map.of("ab", 4.0, "bc", 2.0));
        orders.submit("alice", "o2");
        assertThatThrownBy(() -> orders.reserve("alice", "o2")).isInstanceOf(OverbookedException.class);
        assertThat(orders.find("o2").orElseThrow().state()).isEqualTo(OrderState.SUBMITTED);
        assertThat(reservations.reserved("tri")).containsEntry("ab", 0.0).containsEntry("bc", 9.0);
        assertThat(orders.cancel("alice", "o2").state()).isEqualTo(OrderState.CANCELLED);
        assertThat(orders.audit()).hasSize(3); // create, submit, cancel: the refused step left no trace
    }

    @Test
    void tokens_authenticate_by_hash_and_carry_their_role() {
        Tokens tokens = db.tokens();
        String admin = tokens.create(Role.ADMIN, "setup");
        String viewer = tokens.create(Role.VIEWER, "setup");
        assertThat(admin).startsWith("wp_").hasSize(3 + 43).isNotEqualTo(viewer);
        assertThat(tokens.authenticate(admin)).contains(Role.ADMIN);
        assertThat(tokens.authenticate(viewer)).contains(Role.VIEWER);
        assertThat(tokens.authenticate(admin + "x")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
        // only the hash is stored
        int plain = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_token WHERE token_hash = :t")
                        .bind("t", admin)
                        .mapTo(Integer.class)
                        .one());
        assertThat(plain).isZero();
        assertThat(Role.ADMIN.allows(Role.PLANNER)).isTrue();
        assertThat(Role.VIEWER.allows(Role.PLANNER)).isFalse();
    }

    /**
     * 16 threads race to cancel one reserved order: one cancels it and gives its bandwidth back once; the
     * others find it cancelled already and write nothing (one audit row, one event, nothing released twice).
     */
    @Test
    void racing_steps_on_one_order_take_effect_once() throws Exception {
        Orders orders = db.orders();
        orders.create("alice", "o1", "ACME", "tri", Map.of("ab", 4.0, "bc", 2.0));
        orders.submit("alice", "o1");
        orders.reserve("alice", "o1");
        reservations.reserve("other", "tri", Map.of("ab", 3.0));
        int threads = 16;
        ConcurrentLinkedQueue<String> outcomes = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> {
                go.await();
                try {
                    outcomes.add(orders.cancel("bob", "o1").state().label());
                } catch (IllegalTransitionException e) {
                    outcomes.add(e.getMessage());
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        assertThat(outcomes).hasSize(threads);
        assertThat(outcomes.stream().filter("cancelled"::equals)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.equals("cancelled")))
                .hasSize(threads - 1)
                .allMatch(o -> o.equals("order o1 is cancelled: it cannot be cancelled"));
        assertThat(reservations.reserved("tri")).containsEntry("ab", 3.0).containsEntry("bc", 0.0);
        assertThat(orders.audit())
                .containsExactly(
                        "alice create order o1 null → draft",
                        "alice submitted order o1 draft → submitted",
                        "alice reserved order o1 submitted → reserved",
                        "bob cancelled order o1 reserved → cancelled");
    }

    /** 64 threads race for the same spans: never more than capacity, exactly the accepted ones persisted. */
    @Test
    void concurrent_reservations_never_overbook() throws Exception {
        int threads = 64;
        Random random = new Random(20261129);
        List<Map<String, Double>> asks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            double g = 0.5 + random.nextInt(16) / 10.0;
            asks.add(i % 2 == 0 ? Map.of("ab", g, "bc", g) : Map.of("bc", g, "ca", g, "ab", g / 2));
        }
        ConcurrentLinkedQueue<Integer> accepted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> refused = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            int k = i;
            pool.submit(() -> {
                go.await();
                try {
                    reservations.reserve("o" + k, "tri", asks.get(k));
                    accepted.add(k);
                } catch (OverbookedException e) {
                    refused.add(k);
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        assertThat(accepted.size() + refused.size()).isEqualTo(threads);
        assertThat(refused).isNotEmpty(); // 64 orders of 0.5–2 Gbps cannot all fit 10 Gbps spans
        Map<String, Double> reserved = reservations.reserved("tri");
        Map<String, Double> rows = reservations.reservationTotals("tri");
        for (String span : List.of("ab", "bc", "ca")) {
            double expected = accepted.stream()
                    .mapToDouble(k -> asks.get(k).getOrDefault(span, 0.0))
                    .sum();
            assertThat(reserved.get(span))
                    .as(span)
                    .isLessThanOrEqualTo(10 + 1e-9)
                    .isCloseTo(expected, within(1e-9));
            assertThat(rows.getOrDefault(span, 0.0)).as(span).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void a_store_that_kept_its_promises_needs_no_repair() throws Exception {
        Orders orders = db.orders();
        orders.create("t", "o1", "c", "tri", Map.of("ab", 2.0));
        orders.submit("t", "o1");
        orders.reserve("t", "o1");
        assertThat(db.integrity().checkAndRepair().clean()).isTrue();
    }

    @Test
    void what_a_torn_transaction_leaves_is_mended_and_audited() throws Exception {
        Orders orders = db.orders();
        for (String id : List.of("lost", "stray", "counted", "full")) {
            orders.create("t", id, "c", "tri", Map.of("ab", 3.0, "bc", 1.0));
            orders.submit("t", id);
        }
        orders.reserve("t", "lost");
        orders.reserve("t", "counted");
        orders.reserve("t", "full");
        orders.create("t", "extra", "c", "tri", Map.of("ca", 1.0));
        orders.submit("t", "extra");
        orders.reserve("t", "extra");
        // what kill -9 left behind on the H2 database of earlier versions: rows of a reserved order gone, rows of a
        // submitted order present, a span total missing a reservation; and a reserved order whose rows are
        // gone while others took its room; a reserved order also holding a span it does not need
        db.jdbi().useHandle(h -> {
            h.execute("DELETE FROM reservation WHERE order_id = 'lost'");
            h.execute("INSERT INTO reservation (order_id, network, span_id, gbps) VALUES ('stray', 'tri', 'ca', 2.0)");
            h.execute(
                    "UPDATE span_capacity SET reserved_gbps = reserved_gbps - 1 WHERE network = 'tri' AND span_id = 'bc'");
            h.execute("DELETE FROM reservation WHERE order_id = 'full'");
            h.execute("INSERT INTO reservation (order_id, network, span_id, gbps) VALUES ('other', 'tri', 'ab', 4.0)");
            h.execute("INSERT INTO reservation (order_id, network, span_id, gbps) VALUES ('extra', 'tri', 'bc', 0.5)");
        });
        Integrity.Report report = db.integrity().checkAndRepair();
        // ab holds counted 3 + other 4 = 7 of 10: "full" (first by id) gets its 3 back, then "lost" no longer fits
        assertThat(report.repairs()).hasSize(5);
        assertThat(db.reservations().of("extra")).isEqualTo(Map.of("ca", 1.0)); // the span it does not need, gone
        assertThat(orders.find("full").orElseThrow().state()).isEqualTo(OrderState.RESERVED);
        assertThat(db.reservations().of("full")).isEqualTo(Map.of("ab", 3.0, "bc", 1.0));
        assertThat(orders.find("lost").orElseThrow().state()).isEqualTo(OrderState.SUBMITTED);
        assertThat(db.reservations().of("lost")).isEmpty();
        assertThat(db.reservations().of("other")).isEqualTo(Map.of("ab", 4.0));
        assertThat(db.reservations().of("stray")).isEmpty();
        // totals are the sums of the rows: ab = counted 3 + full 3 + other 4 (its total said 9: recounted);
        // bc = counted 1 + full 1 (its total, lowered by one, happens to agree again); ca = extra 1
        assertThat(db.reservations().reserved("tri"))
                .containsEntry("ab", 10.0)
                .containsEntry("bc", 2.0)
                .containsEntry("ca", 1.0);
        assertThat(db.orders().auditEntries(0, 1000).stream()
                        .filter(e -> e.actor().equals("recovery"))
                        .map(AuditEntry::action))
                .containsExactlyInAnyOrder("released", "restored", "restored", "unreserved", "recounted");
        assertThat(db.integrity().checkAndRepair().clean()).isTrue();
    }

    @Test
    void a_revoked_token_no_longer_authenticates_but_stays_listed_and_audited() {
        Tokens tokens = db.tokens();
        String keep = tokens.create(Role.VIEWER, "cli:alice");
        String drop = tokens.create(Role.ADMIN, "cli:alice");
        Caller dropped = tokens.caller(drop).orElseThrow();
        long id = Long.parseLong(dropped.name().substring("token#".length()));

        Tokens.Info revoked = tokens.revoke("cli:bob", id);
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokedBy()).isEqualTo("cli:bob");
        assertThat(tokens.caller(drop)).isEmpty();
        assertThat(tokens.authenticate(keep)).contains(Role.VIEWER);
        // revoking again changes nothing (no second audit row)
        assertThat(tokens.revoke("cli:carol", id).revokedBy()).isEqualTo("cli:bob");

        assertThat(tokens.list().get(1))
                .as("what revoke returned is what is stored")
                .isEqualTo(revoked);
        assertThat(tokens.list())
                .extracting(Tokens.Info::role, Tokens.Info::revoked)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Role.VIEWER, false),
                        org.assertj.core.groups.Tuple.tuple(Role.ADMIN, true));
        // the audit log names the token as the API's access log and audit name its calls: token#ID
        assertThat(db.orders().auditEntries(0, 1000).stream()
                        .filter(e -> e.entity().equals(dropped.name()))
                        .map(e -> e.actor() + " " + e.action() + " " + e.before() + "→" + e.after()))
                .containsExactly("cli:alice create null→admin", "cli:bob revoke admin→revoked");
        assertThatThrownBy(() -> tokens.revoke("cli:bob", 999_999))
                .isInstanceOf(java.util.NoSuchElementException.class)
                .hasMessage("no token #999999");
    }

    /** A clock the test moves: order events are stamped with its time. */
    static final class TestClock extends java.time.Clock {
        private java.time.Instant now;

        TestClock(String at) {
            now = java.time.Instant.parse(at);
        }

        void set(String at) {
            now = java.time.Instant.parse(at);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    private static java.math.BigDecimal eur(String amount) {
        return new java.math.BigDecimal(amount);
    }

    /**
     * A hand-made history, January to mid-June 2026: o1 (1,000 EUR a month) active from 15 January; nothing
     * happens in February; o2 (500) active from 5 March, ceased 20 May; o3 (300) submitted and o4 (200) reserved
     * in June; o5 quoted in GBP. Month ends by hand: Jan 1,000, Feb 1,000, Mar 1,500, Apr 1,500, May 1,000; June
     * so far 1,000. Target 1,000 × 1.3^(k/12), k months after January: Feb 1,022.10, Mar 1,044.70, Apr 1,067.79,
     * May 1,091.39; July (the first month ahead) 1,140.18, June 2029 (the 36th) 2,450.79.
     */
    @Test
    void the_portfolio_is_the_order_history_month_by_month_against_the_target_curve() throws Exception {
        TestClock clock = new TestClock("2026-01-10T09:00:00Z");
        db.withClock(clock);
        Orders orders = db.orders();
        orders.create("t", "o1", "Retailer", "tri", Map.of("ab", 2.0), null, eur("1000.00"), "EUR");
        orders.submit("t", "o1");
        orders.reserve("t", "o1");
        clock.set("2026-01-15T12:00:00Z");
        orders.activate("t", "o1");
        clock.set("2026-03-05T08:00:00Z");
        orders.create("t", "o2", "Bank", "tri", Map.of("bc", 2.0), null, eur("500.00"), "EUR");
        orders.submit("t", "o2");
        orders.reserve("t", "o2");
        orders.activate("t", "o2");
        clock.set("2026-05-20T17:00:00Z");
        orders.cease("t", "o2");
        clock.set("2026-06-02T10:00:00Z");
        orders.create("t", "o3", "Insurer", "tri", Map.of("ca", 1.0), null, eur("300.00"), "EUR");
        orders.submit("t", "o3");
        orders.create("t", "o4", "Carmaker", "tri", Map.of("ab", 1.0), null, eur("200.00"), "EUR");
        orders.submit("t", "o4");
        orders.reserve("t", "o4");
        orders.create("t", "o5", "London", "tri", Map.of("ab", 1.0), null, eur("900.00"), "GBP");
        orders.submit("t", "o5");
        orders.reserve("t", "o5");
        orders.activate("t", "o5");
        clock.set("2026-06-15T12:00:00Z");

        Portfolio.Report r = db.portfolio().report(0.30, "EUR");
        assertThat(r.currency()).isEqualTo("EUR");
        assertThat(r.activeMrc()).isEqualByComparingTo("1000.00");
        assertThat(r.pipelineMrc()).isEqualByComparingTo("500.00");
        assertThat(r.orders())
                .containsExactly(
                        Map.entry("draft", 0L),
                        Map.entry("submitted", 1L),
                        Map.entry("reserved", 1L),
                        Map.entry("active", 2L),
                        Map.entry("ceased", 1L),
                        Map.entry("cancelled", 0L));
        assertThat(r.otherCurrencyOrders()).isEqualTo(1);
        assertThat(r.history())
                .extracting(
                        Portfolio.Month::month,
                        m -> m.activeMrc().toPlainString(),
                        m -> m.targetMrc().toPlainString(),
                        Portfolio.Month::complete)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-01", "1000.00", "1000.00", true),
                        org.assertj.core.groups.Tuple.tuple("2026-02", "1000.00", "1022.10", true),
                        org.assertj.core.groups.Tuple.tuple("2026-03", "1500.00", "1044.70", true),
                        org.assertj.core.groups.Tuple.tuple("2026-04", "1500.00", "1067.79", true),
                        org.assertj.core.groups.Tuple.tuple("2026-05", "1000.00", "1091.39", true),
                        org.assertj.core.groups.Tuple.tuple("2026-06", "1000.00", "1115.52", false));
        assertThat(r.projection()).hasSize(36);
        assertThat(r.projection().get(0).month()).isEqualTo("2026-07");
        assertThat(r.projection().get(0).targetMrc()).isEqualByComparingTo("1140.18");
        assertThat(r.projection().get(35).month()).isEqualTo("2029-06");
        assertThat(r.projection().get(35).targetMrc()).isEqualByComparingTo("2450.79");
        assertThat(r.lastFullMonth()).contains("2026-05");
        assertThat(r.status()).isEqualTo("behind");
        // with no growth asked, May's 1,000 meets January's 1,000
        assertThat(db.portfolio().report(0.0, "EUR").status()).isEqualTo("on-track");

        // the runway of what o1 and o4 (3 Gbps on ab), o5 (1 more on ab) hold: 12 ln(capacity / used) / ln 1.3
        List<Reservations.Runway> runway = reservations.runway("tri", 0.30);
        assertThat(runway).extracting(Reservations.Runway::span).containsExactly("ab", "bc", "ca");
        assertThat(runway.get(0).usedGbps()).isEqualTo(4.0);
        assertThat(runway.get(0).utilisation()).isEqualTo(0.4);
        // 12 · ln(10 / 4) / ln(1.3) = 12 · 0.916291 / 0.262364 = 41.909…
        assertThat(runway.get(0).monthsToExhaustion().getAsDouble()).isCloseTo(41.909, within(1e-3));
        assertThat(runway.get(1).monthsToExhaustion()).isEmpty(); // o2 ceased: bc unused
        assertThat(runway.get(2).monthsToExhaustion()).isEmpty(); // o3 only submitted
    }

    @Test
    void a_portfolio_without_revenue_has_no_history_and_no_status_yet() {
        db.withClock(new TestClock("2026-03-01T00:00:00Z"));
        db.orders().create("t", "o1", "Retailer", "tri", Map.of("ab", 1.0), null, eur("100.00"), "EUR");
        Portfolio.Report r = db.portfolio().report(0.30, "EUR");
        assertThat(r.history()).isEmpty();
        assertThat(r.projection()).isEmpty();
        assertThat(r.status()).isEqualTo("no-full-month");
        assertThat(r.orders()).containsEntry("draft", 1L);
        assertThatThrownBy(() -> db.portfolio().report(-1, "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reservations.runway("tri", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
