package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The gallery's cross-filtering app in Chromium, driven as a person does: a box dragged on the graph (Plotly's
 * {@code selectedData}) becomes the grid's rows; rows ticked in the grid (AG Grid's {@code selectedRows}) are drawn
 * on a second graph; a click on a cell comes back as {@code cellClicked}.
 */
class CrossFilterBrowserIT extends BrowserCase {

    private static final Pattern SELECTED = Pattern.compile("(\\d+) countries selected on the graph");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @Test
    void theGraphFiltersTheGridAndTheGridMarksTheGraph() {
        browser.open(base + "apps/cross-filter/");
        browser.waitForText("graph-selection", "All 142 countries");
        browser.waitUntil("the grid shows rows", d -> !gridCountries().isEmpty());

        WebElement drag = browser.waitUntil("the graph is drawn",
                d -> d.findElements(By.cssSelector("#scatter .nsewdrag")).stream().findFirst().orElse(null));
        int width = drag.getRect().getWidth();
        int height = drag.getRect().getHeight();
        // a box over the right half of the plot, top to bottom: the richer countries
        new Actions(browser.driver).moveToElement(drag, 2, -height / 2 + 2).clickAndHold()
                .moveByOffset(width / 4, height / 2).moveByOffset(width / 4 - 6, height / 2 - 6)
                .release().perform();
        String summary = browser.waitUntil("the graph's selection reaches the server",
                d -> SELECTED.matcher(browser.textOf("graph-selection")).matches() ? browser.textOf("graph-selection") : null);
        Matcher count = SELECTED.matcher(summary);
        assertTrue(count.matches());
        int selected = Integer.parseInt(count.group(1));
        assertTrue(selected > 0 && selected < 142, summary);
        browser.waitUntil("the grid shows the selected countries only", d -> gridRowCount() == selected);

        List<String> countries = gridCountries();
        tick(0);
        tick(1);
        browser.waitUntil("the second graph compares the two ticked countries", d -> tickedCountries().size() == 2);
        assertEquals(countries.subList(0, 2), tickedCountries());
        assertEquals(selected, gridRowCount(), "ticking rows leaves the graph's selection and the grid's rows alone");

        browser.driver.findElement(By.cssSelector("#grid .ag-row[row-index='0'] [col-id='continent']")).click();
        browser.waitUntil("the clicked cell is reported",
                d -> browser.textOf("clicked-cell").endsWith(" in column continent") ? true : null);
        assertTrue(browser.textOf("clicked-cell").startsWith("Clicked "), browser.textOf("clicked-cell"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    private void tick(int rowIndex) {
        browser.driver.findElement(By.cssSelector("#grid .ag-row[row-index='" + rowIndex + "'] .ag-selection-checkbox input"))
                .click();
    }

    /** The countries of the rows the grid shows, top to bottom. */
    private List<String> gridCountries() {
        return browser.driver.findElements(By.cssSelector("#grid .ag-row[row-index]")).stream()
                .sorted(java.util.Comparator.comparingInt(row -> Integer.parseInt(row.getDomAttribute("row-index"))))
                .map(row -> row.findElement(By.cssSelector("[col-id='country']")).getText()).toList();
    }

    /** The rows the grid holds (AG Grid's aria-rowcount counts the header row too). */
    private int gridRowCount() {
        String count = browser.driver.findElement(By.cssSelector("#grid [aria-rowcount]")).getDomAttribute("aria-rowcount");
        return Integer.parseInt(count) - 1;
    }

    @SuppressWarnings("unchecked")
    private List<String> tickedCountries() {
        return (List<String>) browser.js().executeScript(
                "const d = document.querySelector('#ticked .js-plotly-plot').data; return d[0].x || []");
    }
}
