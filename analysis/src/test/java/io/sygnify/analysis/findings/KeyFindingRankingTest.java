package io.sygnify.analysis.findings;

import io.sygnify.analysis.relationships.CoMovingGroups;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Relationships;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyFindingRankingTest {

    private static final CoMovingGroups NO_GROUPS = CoMovingGroups.of((Relationships) null);

    private static KeyFinding explains(String kind, String measure, String dimension, double eta) {
        return KeyFinding.of(kind, dimension + " explains " + measure + ".", eta, 1, List.of(dimension, measure),
                "segments:" + measure + ":" + dimension, List.of());
    }

    private static CoMovingGroups groups(List<String> names, double[][] r) {
        List<List<Double>> pearson = java.util.Arrays.stream(r)
                .map(row -> java.util.Arrays.stream(row).boxed().toList()).toList();
        return CoMovingGroups.of(new Relationships(names, pearson, null, List.of(), null, List.of(), List.of(), 0.001,
                100, List.of(), List.of()));
    }

    @Test
    void aDimensionExplainingSeveralMeasuresIsOneFindingLedByTheStrongest() {
        KeyFinding revenue = explains("segment_difference", "revenue", "category", 0.6);
        KeyFinding cost = explains("association", "cost", "category", 0.5);
        KeyFinding margin = explains("association", "margin", "category", 0.4);
        KeyFinding other = explains("association", "cost", "region", 0.45);

        List<KeyFinding> ranked = KeyFindingRanking.rank(List.of(margin, cost, other, revenue), NO_GROUPS, List.of());

        assertThat(ranked).hasSize(2);
        assertThat(ranked.get(0).sentence()).isEqualTo("category explains revenue. category also explains 25 % of "
                + "the variance of cost and 16 % of margin (each p < 0.001).");
        assertThat(ranked.get(0).evidence().columns()).containsExactly("category", "revenue", "cost", "margin");
        assertThat(ranked.get(0).score()).isEqualTo(revenue.score());
        assertThat(ranked.get(1)).isEqualTo(other);
    }

    @Test
    void outliersToldByTheirFindingAreNotRepeatedByTheQualityAlertAndAFlagByItsDependencyNotAtAll() {
        KeyFinding found = KeyFinding.of("outliers", "income has 205 outlying values.", 0.5, 1, List.of("income"),
                "outliers:income", List.of(6038L));
        KeyFinding alert = KeyFinding.of("data_quality", "income: 205 values (2.6 %) outside 8,400 to 160,267.", 0.6,
                1.0, List.of("income"), "quality:outliers", List.of());
        KeyFinding otherAlert = KeyFinding.of("data_quality", "fee: 12 values outside 0 to 9.", 0.3, 1.0,
                List.of("fee"), "quality:outliers", List.of());
        KeyFinding wonByStage = KeyFinding.of("segment_difference", "Won is true on exactly the rows with Stage Closed "
                + "Won.", 0.3, 1, List.of("Won", "Stage"), "flag_rates:Won:Stage", List.of());
        KeyFinding wonBySource = KeyFinding.of("segment_difference", "Won is true on 65 % of rows with Source "
                + "Referral.", 0.6, 1, List.of("Won", "Source"), "flag_rates:Won:Source", List.of());
        Relationships.Dependency sameGroups = new Relationships.Dependency("one_to_one", "Won", List.of("Stage"),
                "Stage ↔ Won", 3287);

        assertThat(KeyFindingRanking.rank(List.of(alert, found, otherAlert, wonByStage, wonBySource), NO_GROUPS,
                List.of(sameGroups))).containsExactly(wonBySource, found, otherAlert);
    }

    @Test
    void aDimensionDeterminedByAnotherAddsNothingAboutTheSameMeasure() {
        KeyFinding byCampaign = explains("segment_difference", "spend", "campaign", 0.9);
        KeyFinding byChannel = explains("segment_difference", "spend", "channel", 0.88);
        KeyFinding ctrByChannel = explains("association", "ctr", "channel", 0.7);
        Relationships.Dependency campaignToChannel = new Relationships.Dependency("determines", "channel",
                List.of("campaign"), "campaign → channel", 1370);

        assertThat(KeyFindingRanking.rank(List.of(byChannel, byCampaign, ctrByChannel), NO_GROUPS,
                List.of(campaignToChannel))).as("the channel still explains ctr, which the campaign was not said to")
                .containsExactly(byCampaign, ctrByChannel);
    }

    @Test
    void concentrationByALabelOfTheSameGroupsIsToldOnce() {
        KeyFinding byName = KeyFinding.of("segment_concentration", "discount is concentrated by product.", 0.42, 1,
                List.of("discount", "product"), "segments:discount:product", List.of());
        KeyFinding bySku = KeyFinding.of("segment_concentration", "discount is concentrated by sku.", 0.42, 1,
                List.of("discount", "sku"), "segments:discount:sku", List.of());
        Relationships.Dependency sameGroups = new Relationships.Dependency("determines", "sku", List.of("product"),
                "product ↔ sku", 8000);

        assertThat(KeyFindingRanking.rank(List.of(bySku, byName), NO_GROUPS, List.of(sameGroups)))
                .containsExactly(byName);
        assertThat(KeyFindingRanking.rank(List.of(bySku, byName), NO_GROUPS, List.of())).hasSize(2);
    }

    @Test
    void aFlagsRateByAColumnIsToldOnceAndNotAgainAsTheColumnsMeanByTheFlag() {
        CoMovingGroups groups = groups(List.of("satisfaction", "recommend"), new double[][] {{1, 0.96}, {0.96, 1}});
        KeyFinding bySatisfaction = KeyFinding.of("segment_difference", "buy_again is true on 100 % of rows with "
                + "satisfaction 4.", 0.9, 1, List.of("buy_again", "satisfaction"), "flag_rates:buy_again:satisfaction",
                List.of());
        KeyFinding byRecommend = KeyFinding.of("segment_difference", "buy_again is true on 100 % of rows with "
                + "recommend 8.", 0.8, 1, List.of("buy_again", "recommend"), "flag_rates:buy_again:recommend", List.of());
        KeyFinding meanByFlag = explains("segment_difference", "satisfaction", "buy_again", 0.7);

        assertThat(KeyFindingRanking.rank(List.of(meanByFlag, byRecommend, bySatisfaction), groups, List.of()))
                .containsExactly(bySatisfaction);
    }

    @Test
    void aTrendOfMeasuresThatMoveTogetherIsToldOnceNamingTheOthersThatMoveAlike() {
        CoMovingGroups groups = groups(List.of("sessions", "users", "bounces"),
                new double[][] {{1, 0.99, -0.97}, {0.99, 1, -0.96}, {-0.97, -0.96, 1}});
        KeyFinding sessions = KeyFinding.of("trend", "sessions (per day) rose.", 0.8, 1, List.of("sessions"),
                "time_series:sessions", List.of());
        KeyFinding users = KeyFinding.of("trend", "users (per day) rose.", 0.7, 1, List.of("users"),
                "time_series:users", List.of());
        KeyFinding bounces = KeyFinding.of("trend", "bounces (per day) fell.", 0.6, 1, List.of("bounces"),
                "time_series:bounces", List.of());

        List<KeyFinding> ranked = KeyFindingRanking.rank(List.of(users, bounces, sessions), groups, List.of());

        assertThat(ranked).singleElement().satisfies(finding -> {
            assertThat(finding.sentence()).isEqualTo("sessions (per day) rose; so did users, which moves with "
                    + "sessions.");
            assertThat(finding.evidence().columns()).containsExactly("sessions", "users");
        });
    }
}
