package io.jdash.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JavaNamesTest {

    @Test
    void snakeCasePropsBecomeCamelCase() {
        assertEquals("nClicks", JavaNames.setterName("n_clicks"));
        assertEquals("nClicksTimestamp", JavaNames.setterName("n_clicks_timestamp"));
        assertEquals("acceptCharset", JavaNames.setterName("accept-charset"));
    }

    @Test
    void camelCasePropsStayAsTheyAre() {
        assertEquals("className", JavaNames.setterName("className"));
        assertEquals("optionHeight", JavaNames.setterName("optionHeight"));
    }

    @Test
    void javaKeywordsAndTheBaseClassMethodsGetAnUnderscore() {
        assertEquals("default_", JavaNames.setterName("default"));
        assertEquals("class_", JavaNames.setterName("class"));
        assertEquals("type_", JavaNames.setterName("type"));
        assertEquals("props_", JavaNames.setterName("props"));
        assertTrue(JavaNames.isReserved("namespace"));
        assertFalse(JavaNames.isReserved("value"));
    }

    @Test
    void wildcardPropsCannotBeNamed() {
        assertFalse(JavaNames.isNameable("data-*"));
        assertFalse(JavaNames.isNameable("aria-*"));
        assertTrue(JavaNames.isNameable("n_clicks"));
    }
}
