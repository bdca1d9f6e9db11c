package io.jdash.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.json.JsonCodec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table example 6 loads: Dash's gapminder frame without its two centroid columns. */
class GapminderTest {

    private static final List<String> COLUMNS =
            List.of("country", "continent", "year", "lifeExp", "pop", "gdpPercap", "iso_alpha", "iso_num");

    private final List<Map<String, Object>> rows = Gapminder.rows();

    @Test
    void has1704RowsOf142CountriesOver12Years() {
        assertEquals(1704, rows.size());
        assertEquals(142, new HashSet<>(rows.stream().map(r -> r.get("country")).toList()).size());
        assertEquals(12, new HashSet<>(rows.stream().map(r -> r.get("year")).toList()).size());
    }

    @Test
    void everyRowHasExactlyTheEightColumnsInOrderAndNoCentroids() {
        assertEquals(COLUMNS, Gapminder.COLUMNS);
        for (Map<String, Object> row : rows) {
            assertEquals(COLUMNS, List.copyOf(row.keySet()), row.toString());
        }
    }

    @Test
    void numbersAreNumbersAndNamesAreStrings() {
        Map<String, Object> first = rows.get(0);
        assertEquals("Afghanistan", first.get("country"));
        assertEquals("Asia", first.get("continent"));
        assertEquals("AFG", first.get("iso_alpha"));
        assertEquals(1952, ((Number) first.get("year")).intValue());
        assertEquals(28.801, ((Number) first.get("lifeExp")).doubleValue(), 1e-9);
        assertEquals(8425333L, ((Number) first.get("pop")).longValue());
        assertEquals(779.4453145, ((Number) first.get("gdpPercap")).doubleValue(), 1e-9);
        assertEquals(4, ((Number) first.get("iso_num")).intValue());
        for (Map<String, Object> row : rows) {
            for (String numeric : List.of("year", "lifeExp", "pop", "gdpPercap", "iso_num")) {
                assertInstanceOf(Number.class, row.get(numeric), numeric + " in " + row);
            }
            for (String text : List.of("country", "continent", "iso_alpha")) {
                assertInstanceOf(String.class, row.get(text), text + " in " + row);
            }
        }
    }

    @Test
    void onTheWireNumbersAreJsonNumbers() {
        String json = JsonCodec.toJson(rows.get(0));

        assertTrue(json.contains("\"year\":1952"), json);
        assertTrue(json.contains("\"pop\":8425333"), json);
        assertTrue(json.contains("\"country\":\"Afghanistan\""), json);
        assertTrue(!json.contains("centroid"), json);
    }
}
