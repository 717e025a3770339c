package dev.crashwatch.watchdog.triage;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A rate of crashes per 1,000 runs as text, the one rule for {@code compare} and the view: a whole number from 100
 * on ({@code 1000}, {@code 500}), else three significant digits without trailing zeros ({@code 12.3}, {@code 0.5},
 * {@code 0}). Never an exponent: {@code %.3g} wrote 1,000 as {@code 1.00e+03} and none as {@code 0.00}.
 */
public final class RateText {
    private RateText() {
    }

    public static String of(double perThousandRuns) {
        if (perThousandRuns >= 100) {
            return Long.toString(Math.round(perThousandRuns));
        }
        return new BigDecimal(perThousandRuns).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
