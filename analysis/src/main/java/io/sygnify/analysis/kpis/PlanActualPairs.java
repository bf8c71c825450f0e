package io.sygnify.analysis.kpis;

import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.HeaderWords;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Measures that pair a plan with what happened: Budget and Actual, target_revenue and actual_revenue, Forecast and
 * Sales actuals, Plan and Ist. They are meant to agree, so that they correlate says nothing; how far they differ is
 * the figure ({@link PlanVsActualKpis}).
 */
public final class PlanActualPairs {

    private static final Pattern PLAN = Pattern.compile("budget|budgeted|budgets|plan|planned|target|targets|forecast"
            + "|forecasted|forecasts|projected|projection|estimate|estimated|quota|goal|soll");
    private static final Pattern ACTUAL = Pattern.compile("actual|actuals|achieved|realized|realised|outturn|ist"
            + "|spent");
    private static final int MAX_PAIRS = 3;

    record Pair(int plan, int actual) {
    }

    private PlanActualPairs() {
    }

    /**
     * Plan and actual measures whose names agree once the plan and actual words are set aside (budget_cost with
     * actual_cost), or the only plan with the only actual; totals only, not rates or prices.
     */
    static List<Pair> of(AnalysisContext context) {
        List<Integer> plans = new ArrayList<>();
        List<Integer> actuals = new ArrayList<>();
        for (int i = 0; i < context.columns().size(); i++) {
            if (!context.profile(i).role().equals(ColumnRoles.MEASURE) || context.intensive(i)) {
                continue;
            }
            boolean plan = AnalysisContext.matches(PLAN, context.name(i));
            boolean actual = AnalysisContext.matches(ACTUAL, context.name(i));
            if (plan != actual) {
                (plan ? plans : actuals).add(i);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int plan : plans) {
            for (int actual : actuals) {
                if (rest(context.name(plan), PLAN).equals(rest(context.name(actual), ACTUAL))
                        && pairs.size() < MAX_PAIRS) {
                    pairs.add(new Pair(plan, actual));
                }
            }
        }
        if (pairs.isEmpty() && plans.size() == 1 && actuals.size() == 1) {
            pairs.add(new Pair(plans.get(0), actuals.get(0)));
        }
        return pairs;
    }

    /** Each pair as the set of its two column names. */
    public static Set<Set<String>> names(AnalysisContext context) {
        return of(context).stream().map(p -> Set.of(context.name(p.plan()), context.name(p.actual())))
                .collect(Collectors.toSet());
    }

    private static String rest(String name, Pattern word) {
        return Arrays.stream(HeaderWords.english(name).split("_")).filter(w -> !word.matcher(w).matches())
                .collect(Collectors.joining("_"));
    }
}
