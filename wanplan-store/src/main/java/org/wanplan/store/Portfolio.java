package org.wanplan.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The portfolio against the growth target: what active orders earn a month, what the pipeline (submitted and
 * reserved orders) would add, the revenue at each month's end since the first month with revenue (from the
 * order events: an order earns from its activation until it is ceased), and the target curve — the first
 * month's revenue growing at the target rate, compounded monthly — over that history and the next 36 months.
 * Months are calendar months in UTC.
 */
public final class Portfolio {
    /**
     * The operator's plan: enterprise revenue +30 % a year for three years (the business case this backbone
     * was built on); a deployment sets its own.
     */
    public static final double TARGET_GROWTH = 0.30;

    /** Whether {@code growth} is a target the portfolio takes: above −100 % and at most +1,000 % a year. */
    public static boolean validTargetGrowth(double growth) {
        return growth > -1 && growth <= 10;
    }

    /** How far the projection looks ahead: the plan's three years. */
    public static final int PROJECTION_MONTHS = 36;

    private final Session session;
    private final Clock clock;

    Portfolio(Session session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    /**
     * One month of the history.
     *
     * @param activeMrc what active orders earned a month at the month's end (for the current month: now)
     * @param targetMrc the target curve at that month
     * @param complete false for the current month, still running
     */
    public record Month(String month, BigDecimal activeMrc, BigDecimal targetMrc, boolean complete) {}

    /** The target curve at a month to come. */
    public record Target(String month, BigDecimal targetMrc) {}

    /**
     * The portfolio.
     *
     * @param orders how many orders are in each state (every state listed)
     * @param otherCurrencyOrders orders quoted in another currency, left out of every amount
     * @param status {@code on-track} when the last full month earned at least the target curve, {@code behind}
     *     when less, {@code no-full-month} before a full month with revenue has passed
     */
    public record Report(
            String currency,
            BigDecimal activeMrc,
            BigDecimal pipelineMrc,
            Map<String, Long> orders,
            long otherCurrencyOrders,
            double targetGrowth,
            List<Month> history,
            List<Target> projection,
            Optional<String> lastFullMonth,
            String status) {
        public Report {
            orders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(orders));
            history = List.copyOf(history);
            projection = List.copyOf(projection);
        }
    }

    /** An order as the portfolio sees it, and when it was activated and ceased (null when not). */
    record Line(String id, OrderState state, BigDecimal mrc, String currency, Instant activated, Instant ceased) {}

    /** The portfolio in {@code currency} now, against {@code targetGrowth} a year. */
    public Report report(double targetGrowth, String currency) {
        if (!validTargetGrowth(targetGrowth)) {
            throw new IllegalArgumentException("target growth must be above -1 and at most 10, was " + targetGrowth);
        }
        List<Line> lines = session.read(h -> {
            Map<String, Instant[]> times = new HashMap<>();
            h.createQuery("SELECT order_id, state, at FROM order_event WHERE state IN ('active', 'ceased')")
                    .map((rs, ctx) -> new Object[] {
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()
                    })
                    .forEach(r ->
                            times.computeIfAbsent((String) r[0], k -> new Instant[2])["active".equals(r[1]) ? 0 : 1] =
                                    (Instant) r[2]);
            return h.createQuery("SELECT id, state, mrc, currency FROM orders ORDER BY id")
                    .map((rs, ctx) -> {
                        Instant[] t = times.getOrDefault(rs.getString(1), new Instant[2]);
                        return new Line(
                                rs.getString(1),
                                OrderState.of(rs.getString(2)),
                                Orders.money(rs.getBigDecimal(3)),
                                rs.getString(4),
                                t[0],
                                t[1]);
                    })
                    .list();
        });
        return compute(lines, clock.instant(), targetGrowth, currency);
    }

    /** The report of {@code lines} at {@code now}: the arithmetic, apart from the database. */
    static Report compute(List<Line> lines, Instant now, double growth, String currency) {
        Map<OrderState, Long> counts = new EnumMap<>(OrderState.class);
        for (OrderState s : OrderState.values()) {
            counts.put(s, 0L);
        }
        BigDecimal active = BigDecimal.ZERO.setScale(2);
        BigDecimal pipeline = BigDecimal.ZERO.setScale(2);
        long other = 0;
        List<Line> mine = new ArrayList<>();
        for (Line l : lines) {
            counts.merge(l.state(), 1L, Long::sum);
            if (!l.currency().equals(currency)) {
                other++;
                continue;
            }
            mine.add(l);
            if (l.state() == OrderState.ACTIVE) {
                active = active.add(l.mrc());
            } else if (l.state() == OrderState.SUBMITTED || l.state() == OrderState.RESERVED) {
                pipeline = pipeline.add(l.mrc());
            }
        }
        Map<String, Long> byState = new LinkedHashMap<>();
        counts.forEach((s, n) -> byState.put(s.label(), n));

        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Optional<YearMonth> first = mine.stream()
                .filter(l -> l.activated() != null && l.mrc().signum() > 0)
                .map(l -> YearMonth.from(l.activated().atZone(ZoneOffset.UTC)))
                .min(YearMonth::compareTo);
        List<Month> history = new ArrayList<>();
        List<Target> projection = new ArrayList<>();
        Optional<String> lastFull = Optional.empty();
        String status = "no-full-month";
        if (first.isPresent()) {
            YearMonth start = first.get();
            BigDecimal base = earning(mine, endOf(start));
            for (YearMonth m = start; !m.isAfter(current); m = m.plusMonths(1)) {
                boolean complete = m.isBefore(current);
                history.add(new Month(
                        m.toString(),
                        earning(mine, complete ? endOf(m) : now),
                        target(base, growth, start, m),
                        complete));
            }
            for (int k = 1; k <= PROJECTION_MONTHS; k++) {
                YearMonth m = current.plusMonths(k);
                projection.add(new Target(m.toString(), target(base, growth, start, m)));
            }
            YearMonth previous = current.minusMonths(1);
            if (!previous.isBefore(start)) {
                Month last = history.get(history.size() - 2);
                lastFull = Optional.of(last.month());
                status = last.activeMrc().compareTo(last.targetMrc()) >= 0 ? "on-track" : "behind";
            }
        }
        return new Report(currency, active, pipeline, byState, other, growth, history, projection, lastFull, status);
    }

    /** The first instant after month {@code m}. */
    private static Instant endOf(YearMonth m) {
        return m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** What the orders activated before {@code at} and not ceased before it earn a month. */
    private static BigDecimal earning(List<Line> lines, Instant at) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (Line l : lines) {
            boolean on = l.activated() != null && l.activated().isBefore(at);
            boolean off = l.ceased() != null && l.ceased().isBefore(at);
            if (on && !off) {
                sum = sum.add(l.mrc());
            }
        }
        return sum;
    }

    /** The target curve at month {@code m}: {@code base} at {@code start}, × (1 + growth) a year, monthly. */
    static BigDecimal target(BigDecimal base, double growth, YearMonth start, YearMonth m) {
        long months = start.until(m, java.time.temporal.ChronoUnit.MONTHS);
        double factor = Math.pow(1 + growth, months / 12.0);
        return base.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_EVEN);
    }
}
