package io.sygnify.analysis.report;

import java.util.List;

/**
 * Domain indicators, computed only when the columns they need are really in the file (detected from names and
 * value shapes); a domain that is absent is simply not listed.
 *
 * @param domains the domains detected, each with its indicators
 * @param notes   which domains were considered and why they are absent
 */
public record Kpis(List<Domain> domains, List<String> notes) {

    /**
     * @param domain     {@code price_series}, {@code profit_and_loss}, {@code transactions} or {@code retail}
     * @param columns    the columns the domain was detected from, by role (e.g. {@code amount → total})
     * @param indicators the indicators
     */
    public record Domain(String domain, java.util.Map<String, String> columns, List<Indicator> indicators) {
    }

    /**
     * @param name   e.g. {@code max_drawdown}, {@code refund_rate}, {@code benford_mad}
     * @param value  the figure, or null when it is a table (see {@code detail})
     * @param unit   {@code ratio}, {@code percent}, {@code currency}, {@code count} or a column's unit
     * @param detail supporting values (dates, counts, classes, digit frequencies …)
     * @param note   how it is computed
     */
    public record Indicator(String name, Double value, String unit, Object detail, String note) {
    }
}
