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
 * both ways (typed in the floating filter; set by a callback); and a grid with row ids ({@code getRowId}), whose
 * selection outlives new rows from the server and whose sort reaches the server as {@code virtualRowData}.
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

    @Test
    void rowIdsKeepTheSelectionThroughNewRowsAndTheSortReachesTheServer() {
        browser.open(base + "apps/ag-grid-events/");
        browser.waitUntil("the keyed grid shows its four rows", d -> shownFruits("keyed").size() == 4);

        row("keyed", 2).findElement(By.cssSelector("[col-id='fruit']")).click();
        browser.waitForText("keyed-clicked", "row cherry"); // the id getRowId made, not AG Grid's "2"
        row("keyed", 1).findElement(By.cssSelector(".ag-selection-checkbox input")).click();
        browser.waitUntil("banana is selected", d -> "true".equals(rowOf("keyed", "banana").getDomAttribute("aria-selected")));

        browser.byId("reprice").click();
        browser.waitUntil("the new rows show", d -> shownFruits("keyed").equals(List.of("damson", "cherry", "banana", "apple")));
        assertEquals("true", rowOf("keyed", "banana").getDomAttribute("aria-selected"),
                "the row with the same id is still selected after new rowData");
        assertEquals(1, browser.driver.findElements(By.cssSelector("#keyed .ag-row[aria-selected='true']")).size());

        browser.driver.findElement(By.cssSelector("#keyed .ag-header-cell[col-id='price'] .ag-header-cell-label")).click();
        browser.waitForText("keyed-order", "banana:11,apple:13,damson:15,cherry:17");
        assertEquals(List.of("banana", "apple", "damson", "cherry"), shownFruits("keyed"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    private WebElement row(int index) {
        return row("grid", index);
    }

    private WebElement row(String grid, int index) {
        return browser.driver.findElement(By.cssSelector("#" + grid + " .ag-row[row-index='" + index + "']"));
    }

    /** The row of the grid that shows {@code fruit}. */
    private WebElement rowOf(String grid, String fruit) {
        return browser.driver.findElements(By.cssSelector("#" + grid + " .ag-row")).stream()
                .filter(row -> row.findElement(By.cssSelector("[col-id='fruit']")).getText().trim().equals(fruit))
                .findFirst().orElseThrow(() -> new AssertionError("no row of " + fruit + " in #" + grid));
    }

    private WebElement cell(int rowIndex, String column) {
        return row(rowIndex).findElement(By.cssSelector("[col-id='" + column + "']"));
    }

    private List<String> shownFruits() {
        return shownFruits("grid");
    }

    /** The fruits of the rows the grid shows, top to bottom (read in one script: the grid redraws rows at will). */
    @SuppressWarnings("unchecked")
    private List<String> shownFruits(String grid) {
        return (List<String>) browser.js().executeScript("""
                return Array.from(document.querySelectorAll("#" + arguments[0] + " .ag-row[row-index]"))
                    .sort((a, b) => Number(a.getAttribute("row-index")) - Number(b.getAttribute("row-index")))
                    .map(row => row.querySelector("[col-id='fruit']").textContent.trim());
                """, grid);
    }
}
