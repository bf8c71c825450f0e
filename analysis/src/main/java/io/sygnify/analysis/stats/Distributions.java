package io.sygnify.analysis.stats;

/**
 * Tail probabilities of the sampling distributions the analyses test against: Lanczos log-gamma, and the
 * incomplete gamma and beta functions by series and continued fractions, after Numerical Recipes (Press et al.,
 * 3rd ed., §6.1, §6.2 and §6.4); accurate to about 1e-10, far below what a significance threshold needs.
 */
public final class Distributions {

    private static final int MAX_ITERATIONS = 500;
    private static final double EPSILON = 1e-14;
    private static final double TINY = 1e-300;

    private Distributions() {
    }

    /** P(Z > z) for a standard normal Z. */
    static double normalUpperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** Two-sided p-value of a standard normal statistic. */
    public static double normalTwoSided(double z) {
        return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
    }

    /** P(X > x) for X chi-square with {@code df} degrees of freedom. */
    public static double chiSquareUpperTail(double x, double df) {
        if (x <= 0) {
            return 1;
        }
        return regularizedGammaQ(df / 2, x / 2);
    }

    /** P(X > f) for X following an F distribution with (d1, d2) degrees of freedom. */
    public static double fUpperTail(double f, double d1, double d2) {
        if (f <= 0) {
            return 1;
        }
        return regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
    }

    /** Two-sided p-value of Student's t with {@code df} degrees of freedom. */
    public static double studentTwoSided(double t, double df) {
        if (!Double.isFinite(t)) {
            return 0;
        }
        return regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    /**
     * Two-sided exact sign test: the chance that of {@code above + below} rows, each as likely above as below, at
     * least as many as the larger side fall on one side. P(X ≥ k) for X ~ Binomial(n, ½) is I½(k, n − k + 1).
     */
    public static double signTestTwoSided(long above, long below) {
        long n = above + below;
        long k = Math.max(above, below);
        if (n == 0 || 2 * k == n) {
            return 1;
        }
        return Math.min(1, 2 * regularizedBeta(0.5, k, n - k + 1));
    }

    /** erfc(x) = Q(1/2, x²) for x ≥ 0. */
    static double erfc(double x) {
        double tail = regularizedGammaQ(0.5, x * x);
        return x >= 0 ? tail : 2 - tail;
    }

    public static double logGamma(double x) {
        double[] c = {57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199,
            .339946499848118887e-4, .465236289270485756e-4, -.983744753048795646e-4, .158088703224912494e-3,
            -.210264441724104883e-3, .217439618115212643e-3, -.164318106536763890e-3, .844182239838527433e-4,
            -.261908384015814087e-4, .368991826595316234e-5};
        double y = x;
        double tmp = x + 5.24218750000000000;
        tmp = (x + 0.5) * Math.log(tmp) - tmp;
        double series = 0.999999999999997092;
        for (double coefficient : c) {
            series += coefficient / ++y;
        }
        return tmp + Math.log(2.5066282746310005 * series / x);
    }

    /** Q(a, x) = Γ(a, x) / Γ(a), the upper regularised incomplete gamma function. */
    static double regularizedGammaQ(double a, double x) {
        if (x < a + 1) {
            return 1 - gammaSeries(a, x);
        }
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i <= MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < TINY ? TINY : d;
            c = b + an / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    private static double gammaSeries(double a, double x) {
        double ap = a;
        double sum = 1 / a;
        double delta = sum;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            ap++;
            delta *= x / ap;
            sum += delta;
            if (Math.abs(delta) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    /** I_x(a, b), the regularised incomplete beta function. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaFraction(x, a, b) / a;
        }
        return 1 - front * betaFraction(1 - x, b, a) / b;
    }

    private static double betaFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = Math.abs(d) < TINY ? TINY : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return h;
    }
}
