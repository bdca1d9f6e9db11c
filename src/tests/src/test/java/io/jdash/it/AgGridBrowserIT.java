package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * JDash's AG Grid suite in Chromium, each event as a person makes it and each settable prop set by the server:
 * {@code cellDoubleClicked}, {@code cellValueChanged} (an edit), {@code selectedRows} both ways, {@code filterModel}
 * both ways (typed in the floating filter; set by a callback).
 */
class AgGridBrowserIT extends BrowserCase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps();
    }

    @Test
    void everyEventReachesTheServerAndTheServerSetsSelectionAndFilter() {
        browser.open(base + "apps/ag-grid-events/");
        browser.waitUntil("the grid shows its four rows", d -> shownFruits().size() == 4);

        new Actions(browser.driver).doubleClick(cell(1, "fruit")).perform();
        browser.waitForText("double-clicked", "fruit=banana");

        new Actions(browser.driver).doubleClick(cell(0, "price")).perform();
        WebElement editor = browser.waitUntil("the price editor opens",
                d -> d.findElements(By.cssSelector("#grid .ag-cell-inline-editing input")).stream().findFirst().orElse(null));
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), "9", Keys.ENTER);
        browser.waitForText("value-changed", "apple: 3 -> 9");

        browser.byId("select-cherry").click();
        browser.waitUntil("the server's selection shows", d -> "true".equals(row(2).getDomAttribute("aria-selected")));
        browser.waitForText("selected", "cherry");
        row(1).findElement(By.cssSelector(".ag-selection-checkbox input")).click();
        browser.waitUntil("both selected rows reach the server",
                d -> Set.of("banana", "cherry").equals(new TreeSet<>(List.of(browser.textOf("selected").split(",")))));

        WebElement filter = browser.driver.findElement(By.cssSelector("#grid .ag-floating-filter input"));
        filter.sendKeys("err");
        browser.waitForText("filter-model", "fruit contains err");
        browser.waitUntil("the typed filter applies", d -> shownFruits().equals(List.of("cherry")));

        browser.byId("only-bananas").click();
        browser.waitUntil("the server's filter applies", d -> shownFruits().equals(List.of("banana")));
        browser.waitForText("filter-model", "fruit equals banana");
        assertEquals(List.of(), browser.consoleErrors());
        assertEquals("price=3", browser.textOf("double-clicked"), "the double click that opened the editor, before the edit");
    }

    private WebElement row(int index) {
        return browser.driver.findElement(By.cssSelector("#grid .ag-row[row-index='" + index + "']"));
    }

    private WebElement cell(int rowIndex, String column) {
        return row(rowIndex).findElement(By.cssSelector("[col-id='" + column + "']"));
    }

    /** The fruits of the rows the grid shows, top to bottom (read in one script: the grid redraws rows at will). */
    @SuppressWarnings("unchecked")
    private List<String> shownFruits() {
        return (List<String>) browser.js().executeScript("""
                return Array.from(document.querySelectorAll("#grid .ag-row[row-index]"))
                    .sort((a, b) => Number(a.getAttribute("row-index")) - Number(b.getAttribute("row-index")))
                    .map(row => row.querySelector("[col-id='fruit']").textContent.trim());
                """);
    }
}
