package org.wanplan.design;

/** A design ran out of the time it was given; nothing of it is kept. */
public final class DesignTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int sites;
    private final long budgetMillis;

    public DesignTimeoutException(int sites, long budgetMillis, String stage) {
        super("the design of " + sites + " sites did not finish within " + budgetMillis + " ms (stopped while " + stage
                + ")");
        this.sites = sites;
        this.budgetMillis = budgetMillis;
    }

    public int sites() {
        return sites;
    }

    public long budgetMillis() {
        return budgetMillis;
    }
}
