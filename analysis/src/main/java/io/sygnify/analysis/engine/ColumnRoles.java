package io.sygnify.analysis.engine;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides what a column is used as, from its type, cardinality and name. The analyses pick their inputs by role:
 * measures are aggregated, categories and flags split the data, identifiers and free text are left alone.
 */
public final class ColumnRoles {

    public static final String MEASURE = "measure";
    public static final String CATEGORY = "category";
    public static final String FLAG = "flag";
    public static final String IDENTIFIER = "identifier";
    public static final String TIME = "time";
    public static final String FREE_TEXT = "free_text";
    static final String CONSTANT = "constant";
    static final String EMPTY = "empty";

    private static final Pattern ID_NAME = Pattern.compile(
            "(^|[^a-z])(id|ids|uuid|guid|key|code|number|no|nr|num|ref|reference|sku|ean|isbn|iban|zip|postcode|email"
                    + "|e_mail)$"
                    + "|^(id|uuid|guid)([^a-z]|$)");
    // values this distinct are labels, not levels of a category
    private static final double IDENTIFIER_DISTINCT_SHARE = 0.95;
    private static final long MAX_CATEGORIES = 1000;
    private static final double CATEGORY_DISTINCT_SHARE = 0.5;
    private static final double FREE_TEXT_MEAN_LENGTH = 30;
    // a store_id with a dozen values splits the data like a category; a customer_id with thousands identifies
    private static final long ID_AS_CATEGORY = 100;
    // whole numbers named so are codes of groups (status 200/404/500, class 1/2/3) when they take few values
    private static final Pattern CODE_NAME = Pattern.compile("(^|[^a-z])(status|code|type|category|class|kind|group"
            + "|segment|region|grade|tier|zone|cluster|label)($|[^a-z])");
    private static final long MAX_CODES = 50;

    private ColumnRoles() {
    }

    /**
     * @param zeroOne for numbers, whether the values are 0 and 1: two other numbers are amounts (shipping of 0 or
     *                5.90), not a yes/no
     */
    public static String role(DatasetColumn column, long rows, long present, long distinct, double meanLength,
                       boolean zeroOne) {
        if (present == 0) {
            return EMPTY;
        }
        if (distinct == 1) {
            return CONSTANT;
        }
        ColumnType type = column.type();
        if (type.isDateOrTimestamp()) {
            return TIME;
        }
        if (type == ColumnType.BOOLEAN || distinct == 2 && (!type.isNumeric() || zeroOne)) {
            return FLAG;
        }
        boolean idName = looksLikeIdentifier(column.name());
        double distinctShare = (double) distinct / present;
        if (type.isNumeric()) {
            boolean integral = type == ColumnType.INTEGER;
            if (integral && distinct <= MAX_CODES && CODE_NAME.matcher(snakeCase(column.name())).find()) {
                // an HTTP status, a passenger class, a cluster label: numbers that name groups, never added up
                return CATEGORY;
            }
            return integral && idName && distinctShare >= CATEGORY_DISTINCT_SHARE ? IDENTIFIER : MEASURE;
        }
        if (type == ColumnType.TIME) {
            return CATEGORY;
        }
        if (meanLength >= FREE_TEXT_MEAN_LENGTH && distinctShare > CATEGORY_DISTINCT_SHARE) {
            return FREE_TEXT;
        }
        if (distinctShare >= IDENTIFIER_DISTINCT_SHARE || (idName && distinct > ID_AS_CATEGORY)) {
            return IDENTIFIER;
        }
        if (distinct <= MAX_CATEGORIES && (distinctShare <= CATEGORY_DISTINCT_SHARE || distinct <= 20)) {
            return CATEGORY;
        }
        // thousands of short values that repeat (customer e-mails, account names) label entities; free text is
        // long or mostly unique
        return distinctShare <= CATEGORY_DISTINCT_SHARE ? IDENTIFIER : FREE_TEXT;
    }

    static boolean looksLikeIdentifier(String name) {
        return ID_NAME.matcher(snakeCase(name)).find();
    }

    /** customerId → customer_id, Status Code → status code. */
    private static String snakeCase(String name) {
        return name.strip().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
