package io.jdash.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The gapminder table (1,704 rows) that example 6 loads, shipped in the WAR and read with Commons CSV.
 * Dash's original uses these columns, without the two centroid ones.
 */
final class Gapminder {

    static final List<String> COLUMNS =
            List.of("country", "continent", "year", "lifeExp", "pop", "gdpPercap", "iso_alpha", "iso_num");
    private static final List<String> NUMERIC = List.of("year", "lifeExp", "pop", "gdpPercap", "iso_num");

    private Gapminder() {
    }

    /** Every row, as a column → value map (numbers as numbers). */
    static List<Map<String, Object>> rows() {
        try (InputStream gz = Gapminder.class.getResourceAsStream("gapminder.csv.gz");
             Reader reader = new InputStreamReader(new GZIPInputStream(gz), StandardCharsets.UTF_8)) {
            var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            return format.parse(reader).stream().map(Gapminder::row).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gapminder.csv.gz", e);
        }
    }

    private static Map<String, Object> row(CSVRecord record) {
        var row = new LinkedHashMap<String, Object>();
        for (String column : COLUMNS) {
            String value = record.get(column);
            row.put(column, NUMERIC.contains(column) ? Double.valueOf(value) : value);
        }
        return row;
    }
}
