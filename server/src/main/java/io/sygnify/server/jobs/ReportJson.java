package io.sygnify.server.jobs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes reports (whole, or one section for a {@code partial}) with at most {@value #SIGNIFICANT_DIGITS}
 * significant digits per number. Past them a double holds only the rounding of its summation order, which
 * DuckDB's parallel aggregates vary between runs: the same file gave {@code 2464554.960000006} once and
 * {@code 2464554.960000001} the next time. Twelve digits keep every figure far beyond what it can mean.
 */
@Component
public class ReportJson {

    static final int SIGNIFICANT_DIGITS = 12;
    private static final MathContext SIGNIFICANT = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

    private final JsonMapper json;

    ReportJson(JsonMapper json) {
        this.json = json.rebuild().addModule(new SimpleModule("report-precision")
                .addSerializer(Double.class, new Rounded())
                .addSerializer(Double.TYPE, new Rounded())).build();
    }

    public String write(Object report) {
        return json.writeValueAsString(report);
    }

    /** The nearest double to {@code value} rounded to the significant digits; non-finite values as they are. */
    static double rounded(double value) {
        if (!Double.isFinite(value) || value == 0) {
            return value;
        }
        return new BigDecimal(value).round(SIGNIFICANT).doubleValue();
    }

    private static final class Rounded extends StdSerializer<Double> {

        Rounded() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
            generator.writeNumber(rounded(value));
        }
    }
}
