package io.sygnify.analysis;

import io.sygnify.analysis.relationships.Correlations;
import io.sygnify.analysis.stats.Distributions;
import io.sygnify.analysis.stats.OrderStatistics;
import io.sygnify.analysis.time.TrendTests;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatisticsTest {

    @Test
    void tailProbabilitiesMatchTabulatedCriticalValues() {
        assertThat(Distributions.normalTwoSided(1.959963984540054)).isCloseTo(0.05, within(1e-9));
        assertThat(Distributions.chiSquareUpperTail(3.841458820694124, 1)).isCloseTo(0.05, within(1e-9));
        assertThat(Distributions.chiSquareUpperTail(18.307038053275146, 10)).isCloseTo(0.05, within(1e-9));
        assertThat(Distributions.fUpperTail(4.964602743730711, 1, 10)).isCloseTo(0.05, within(1e-9));
        assertThat(Distributions.studentTwoSided(2.228138851986274, 10)).isCloseTo(0.05, within(1e-9));
        assertThat(Math.exp(Distributions.logGamma(5))).isCloseTo(24, within(1e-9));
    }

    @Test
    void theilSenIgnoresAnOutlier() {
        double[] y = new double[30];
        for (int t = 0; t < y.length; t++) {
            y[t] = 2 * t + 1;
        }
        y[10] = 500;

        TrendTests.Line line = TrendTests.theilSen(y);

        assertThat(line.slope()).isCloseTo(2, within(1e-9));
        assertThat(line.intercept()).isCloseTo(1, within(1e-9));
    }

    @Test
    void mannKendallFindsARisingSeriesAndNotNoise() {
        Random random = new Random(7);
        double[] rising = new double[40];
        double[] noise = new double[40];
        for (int t = 0; t < 40; t++) {
            rising[t] = t + random.nextGaussian() * 3;
            noise[t] = random.nextGaussian();
        }

        assertThat(TrendTests.mannKendall(rising).pValue()).isLessThan(1e-6);
        assertThat(TrendTests.mannKendall(rising).tau()).isPositive();
        assertThat(TrendTests.mannKendall(noise).pValue()).isGreaterThan(0.05);
    }

    @Test
    void theModifiedTestKeepsATrendInNoiseButNotTheDriftOfARandomWalk() {
        Random random = new Random(11);
        double[] rising = new double[180];
        double[] walk = new double[180];
        double level = 100;
        for (int t = 0; t < 180; t++) {
            rising[t] = 0.05 * t + random.nextGaussian();
            level += random.nextGaussian();
            walk[t] = level;
        }
        double walkSlope = TrendTests.theilSen(walk).slope();

        assertThat(TrendTests.modifiedMannKendall(rising, TrendTests.theilSen(rising).slope()).pValue())
                .isLessThan(1e-6);
        // the plain test takes the walk's wandering for a trend; corrected for its persistence, it does not
        assertThat(TrendTests.mannKendall(walk).pValue()).isLessThan(0.001);
        assertThat(TrendTests.modifiedMannKendall(walk, walkSlope).pValue()).isGreaterThan(0.001);
        assertThat(TrendTests.modifiedMannKendall(walk, walkSlope).tau())
                .isEqualTo(TrendTests.mannKendall(walk).tau());
    }

    @Test
    void theWanderingOfARandomWalkIsNoShiftInLevel() {
        Random random = new Random(11);
        double[] walk = new double[180];
        double level = 100;
        for (int t = 0; t < walk.length; t++) {
            level += random.nextGaussian();
            walk[t] = level;
        }

        assertThat(TrendTests.pettitt(walk).pValue()).isGreaterThan(0.001);
    }

    @Test
    void pettittFindsAShiftInLevel() {
        Random random = new Random(3);
        double[] y = new double[100];
        for (int t = 0; t < y.length; t++) {
            y[t] = (t < 60 ? 10 : 14) + random.nextGaussian();
        }

        TrendTests.ChangePoint point = TrendTests.pettitt(y);

        assertThat(point.index()).isBetween(58, 62);
        assertThat(point.pValue()).isLessThan(1e-6);
    }

    @Test
    void anovaSeparatesDifferentGroupMeans() {
        double[] values = {1, 2, 1, 2, 10, 11, 10, 11};
        int[] groups = {0, 0, 0, 0, 1, 1, 1, 1};

        TrendTests.Anova anova = TrendTests.anova(values, groups, 2);

        assertThat(anova.etaSquared()).isGreaterThan(0.9);
        assertThat(anova.pValue()).isLessThan(1e-4);
    }

    @Test
    void spearmanIsOneForAMonotonicCurve() {
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = i;
            y[i] = Math.exp(i / 5.0);
        }

        assertThat(Correlations.spearman(x, y)).isCloseTo(1, within(1e-12));
        assertThat(Correlations.pearson(x, y)).isLessThan(0.9);
    }

    @Test
    void theMedianIsTheMiddleOfTheSortedValuesWithManyTiesAndAnyLength() {
        Random random = new Random(7);
        for (int n = 1; n <= 2_001; n += 97) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                // few distinct values, a sorted run and a reversed run: the cases a careless pivot gets wrong
                values[i] = i % 3 == 0 ? random.nextInt(5) : i % 3 == 1 ? i : n - i;
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;

            assertThat(TrendTests.median(values.clone(), n)).as("n = %d", n).isEqualTo(expected);
            for (int k : new int[] {0, n / 3, n - 1}) {
                double[] copy = values.clone();
                assertThat(OrderStatistics.select(copy, n, k)).isEqualTo(sorted[k]);
                for (int i = 0; i < n; i++) {
                    assertThat(i < k ? copy[i] <= copy[k] : copy[i] >= copy[k]).isTrue();
                }
            }
        }
    }

    @Test
    void theSpearmanMatrixRanksAsEachPairDoesWithTiesAndMissingValues() {
        Random random = new Random(11);
        double[][] columns = new double[4][300];
        for (int i = 0; i < 300; i++) {
            columns[0][i] = random.nextInt(20);
            columns[1][i] = columns[0][i] * 2 + random.nextGaussian();
            columns[2][i] = i % 17 == 0 ? Double.NaN : random.nextGaussian();
            columns[3][i] = -columns[0][i];
        }

        double[][] rho = Correlations.spearman(columns);

        for (int a = 0; a < 4; a++) {
            assertThat(rho[a][a]).isEqualTo(1);
            for (int b = a + 1; b < 4; b++) {
                assertThat(rho[a][b]).isCloseTo(Correlations.spearman(columns[a], columns[b]), within(1e-12));
                assertThat(rho[b][a]).isEqualTo(rho[a][b]);
            }
        }
        assertThat(rho[0][3]).isCloseTo(-1, within(1e-12));
        assertThat(Correlations.ranks(new double[] {5, 1, 5, 3})).containsExactly(3.5, 1, 3.5, 2);
    }

    @Test
    void cramersVIsHighForDependentAndNearZeroForIndependentCategories() {
        long[][] dependent = {{50, 0, 0}, {0, 50, 0}, {0, 0, 50}};
        long[][] independent = {{50, 50, 50}, {50, 50, 50}, {50, 50, 50}};

        assertThat(Correlations.cramersV(dependent).v()).isGreaterThan(0.95);
        assertThat(Correlations.cramersV(dependent).pValue()).isLessThan(1e-10);
        assertThat(Correlations.cramersV(independent).v()).isCloseTo(0, within(1e-9));
        assertThat(Correlations.cramersV(independent).pValue()).isCloseTo(1, within(1e-9));
    }
}
