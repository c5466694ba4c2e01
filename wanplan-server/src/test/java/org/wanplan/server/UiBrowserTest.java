package org.wanplan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The map UI in Debian's Chromium, headless, driven through Debian's chromedriver against the real
 * server on a free port with an embedded database: sign in, the map draws every PoP the API lists, the
 * French sample customer is designed and its quote total equals the API's, an order is placed,
 * submitted and reserved, and the failure view runs a what-if. Screenshots of each step go to
 * {@code target/ui-screenshots}; any console error fails the test.
 */
class UiBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "ui-screenshots");

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    ServerFixture f;
    ChromeDriver driver;
    WebDriverWait wait;
    final List<String> consoleErrors = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Debian's chromium and chromium-driver are needed (.ci/run installs them)")
                .isTrue();
        f = ServerFixture.embedded(dir);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,950",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // tables are re-rendered
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (f != null) {
            f.close();
        }
    }

    @Test
    void aPlannerDesignsTheFrenchRetailerAndReservesAnOrder() throws Exception {
        driver.get("http://127.0.0.1:" + f.server.port() + "/");
        driver.findElement(By.id("token")).sendKeys(f.planner);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();

        // the map: every PoP with coordinates the API lists is drawn
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("data-pops-drawn") != null);
        long apiPops = 0;
        for (JsonNode p : f.api.get("/api/v1/networks/euro350/pops", f.viewer).json()) {
            if (p.has("lat")) {
                apiPops++;
            }
        }
        assertThat(driver.findElements(By.cssSelector("#map path.pop-marker"))).hasSize((int) apiPops);
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-pops-drawn"))
                .isEqualTo(Long.toString(apiPops));
        assertThat(driver.findElements(By.cssSelector("#map path.span-line")))
                .hasSize(f.api.get("/api/v1/networks/euro350/spans", f.viewer)
                        .json()
                        .size());
        shot("01-map");
        checkConsole();

        // the French sample customer, designed on euro350 and compared with sparse
        driver.findElement(By.id("tab-customer")).click();
        new Select(driver.findElement(By.id("sample-select"))).selectByValue("french-retailer");
        driver.findElement(By.id("design-btn")).click();
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("data-design-id") != null);
        String designId = driver.findElement(By.tagName("body")).getAttribute("data-design-id");
        JsonNode design = f.api.get("/api/v1/designs/" + designId, f.viewer).json();
        WebElement total = driver.findElement(By.id("quote-total"));
        assertThat(new java.math.BigDecimal(total.getAttribute("data-value")))
                .isEqualByComparingTo(
                        design.get("quote").get("totalContractValue").decimalValue());
        assertThat(total.getText())
                .isEqualTo(String.format(
                        java.util.Locale.UK,
                        "EUR %,.2f",
                        design.get("quote").get("totalContractValue").decimalValue()));
        assertThat(design.get("sites")).hasSize(120);
        assertThat(driver.findElements(By.cssSelector("#map path.site-marker"))).hasSize(120);
        assertThat(driver.findElements(By.cssSelector("#comparison thead th")))
                .extracting(WebElement::getText)
                .containsExactly("Figure", "euro350", "sparse");
        // hub and spoke: each site's availability is measured to every hub, with restoration, as the API says
        assertThat(design.get("availabilityBasis").asText()).isEqualTo("every-hub");
        assertThat(driver.findElement(By.id("availability")).getAttribute("data-basis"))
                .isEqualTo("every-hub");
        assertThat(driver.findElement(By.cssSelector("#availability caption")).getAttribute("textContent"))
                .contains("to every hub, with restoration");
        shot("02-design");
        checkConsole();

        // place the order, then submit and reserve it in the orders view
        driver.findElement(By.id("order-btn")).click();
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("data-order-id") != null);
        String orderId = driver.findElement(By.tagName("body")).getAttribute("data-order-id");
        driver.findElement(By.id("tab-orders")).click();
        click(orderId, "submit");
        waitForState(orderId, "submitted");
        click(orderId, "reserve");
        waitForState(orderId, "reserved");
        assertThat(f.api.get("/api/v1/orders/" + orderId, f.viewer)
                        .json()
                        .get("state")
                        .asText())
                .isEqualTo("reserved");
        assertThat(driver.findElements(By.cssSelector("#orders-table tbody tr")))
                .hasSize(1);
        shot("03-orders");
        checkConsole();

        // activated, the order earns: the Portfolio tab's chart is the API's history and target curve, point for point
        click(orderId, "activate");
        waitForState(orderId, "active");
        driver.findElement(By.id("tab-portfolio")).click();
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("data-portfolio-loaded") != null);
        JsonNode portfolio = f.api.get("/api/v1/portfolio", f.viewer).json();
        assertThat(portfolio.get("activeMrc").decimalValue())
                .isEqualByComparingTo(design.get("quote").get("mrc").decimalValue());
        List<WebElement> actual = driver.findElements(By.cssSelector("#portfolio-chart circle.actual-point"));
        assertThat(actual).hasSize(portfolio.get("history").size()).isNotEmpty();
        for (int i = 0; i < actual.size(); i++) {
            JsonNode m = portfolio.get("history").get(i);
            assertThat(actual.get(i).getAttribute("data-month"))
                    .isEqualTo(m.get("month").asText());
            assertThat(new java.math.BigDecimal(actual.get(i).getAttribute("data-mrc")))
                    .isEqualByComparingTo(m.get("activeMrc").decimalValue());
        }
        List<WebElement> target = driver.findElements(By.cssSelector("#portfolio-chart circle.target-point"));
        assertThat(target)
                .hasSize(portfolio.get("history").size()
                        + portfolio.get("projection").size());
        JsonNode lastTarget =
                portfolio.get("projection").get(portfolio.get("projection").size() - 1);
        assertThat(target.get(target.size() - 1).getAttribute("data-month"))
                .isEqualTo(lastTarget.get("month").asText());
        assertThat(new java.math.BigDecimal(target.get(target.size() - 1).getAttribute("data-mrc")))
                .isEqualByComparingTo(lastTarget.get("targetMrc").decimalValue());
        assertThat(driver.findElement(By.id("portfolio-facts")).getAttribute("data-status"))
                .isEqualTo(portfolio.get("status").asText());
        shot("03b-portfolio");

        // the map coloured by runway: the spans the order holds are the ones with a runway
        driver.findElement(By.id("tab-network")).click();
        new Select(driver.findElement(By.id("span-colour"))).selectByValue("runway");
        wait.until(d -> "runway".equals(d.findElement(By.tagName("body")).getAttribute("data-span-colour")));
        JsonNode runway = f.api.get("/api/v1/networks/euro350/runway", f.viewer).json();
        long held = 0;
        for (JsonNode r : runway.get("spans")) {
            if (!r.get("monthsToExhaustion").isNull()) {
                held++;
            }
        }
        long loaded = 0;
        for (JsonNode g : design.get("spanLoadGbps")) {
            if (g.asDouble() > 0) {
                loaded++;
            }
        }
        assertThat(held).isEqualTo(loaded).isPositive();
        assertThat(driver.findElements(By.cssSelector("#map path.span-line:not(.runway-none)")))
                .hasSize((int) held);
        shot("03c-runway");
        new Select(driver.findElement(By.id("span-colour"))).selectByValue("utilisation");
        checkConsole();

        // a failure what-if on the map
        driver.findElement(By.id("tab-failures")).click();
        new Select(driver.findElement(By.id("failure-kind"))).selectByValue("pop");
        new Select(driver.findElement(By.id("failure-element"))).selectByValue("pop:lyon");
        driver.findElement(By.id("fail-btn")).click();
        wait.until(d -> d.findElement(By.id("failure-summary")).getText().contains("demands hit"));
        assertThat(driver.findElements(By.cssSelector("#failure-spans tbody tr")))
                .isNotEmpty();
        shot("04-failure");
        checkConsole();

        // the manufacturer is slower on euro350 than on sparse: the page names the waves that win and draws them
        driver.findElement(By.id("tab-customer")).click();
        new Select(driver.findElement(By.id("sample-select"))).selectByValue("euro-manufacturer");
        driver.findElement(By.id("customer-name")).clear();
        driver.findElement(By.id("customer-name")).sendKeys("euro-manufacturer");
        driver.findElement(By.id("design-btn")).click();
        wait.until(d -> !designId.equals(d.findElement(By.tagName("body")).getAttribute("data-design-id")));
        JsonNode manufacturer = f.api.get(
                        "/api/v1/designs/"
                                + driver.findElement(By.tagName("body")).getAttribute("data-design-id"),
                        f.viewer)
                .json();
        JsonNode w = manufacturer.get("comparison").get("euro350").get("whatItTakes");
        assertThat(w.get("needed").asBoolean()).isTrue();
        assertThat(w.get("met").asBoolean()).isTrue();
        WebElement box = driver.findElement(By.id("what-it-takes"));
        assertThat(box.isDisplayed()).isTrue();
        assertThat(box.getAttribute("data-network")).isEqualTo("euro350");
        assertThat(Double.parseDouble(box.getAttribute("data-term-cost")))
                .isEqualTo(w.get("termCost").asDouble());
        assertThat(driver.findElements(By.cssSelector("#what-it-takes-spans tbody tr")))
                .hasSize(w.get("spans").size());
        assertThat(driver.findElements(By.cssSelector("#map path.wave-line")))
                .hasSize(w.get("spans").size());
        shot("05-what-it-takes");
        checkConsole();

        // the service order of the design, downloaded from the page: every designed site
        driver.findElement(By.id("l3sm-btn")).click();
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("data-l3sm-sites") != null);
        long designed = 0;
        for (JsonNode s : manufacturer.get("sites")) {
            designed += s.get("refused").asBoolean() ? 0 : 1;
        }
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-l3sm-sites"))
                .isEqualTo(Long.toString(designed));
        checkConsole();

        // the customer's own workbook, uploaded as it came: the same design as the sample it was made from
        String manufacturerId = driver.findElement(By.tagName("body")).getAttribute("data-design-id");
        Path workbook = Files.write(
                dir.resolve("euro-manufacturer.xlsx"),
                org.wanplan.io.sites.Workbooks.fromCsv("Sites", sampleCsv("euro-manufacturer")));
        new Select(driver.findElement(By.id("sample-select"))).selectByValue("");
        driver.findElement(By.id("sites-file"))
                .sendKeys(workbook.toAbsolutePath().toString());
        driver.findElement(By.id("design-btn")).click();
        wait.until(d -> !manufacturerId.equals(d.findElement(By.tagName("body")).getAttribute("data-design-id")));
        JsonNode uploaded = f.api.get(
                        "/api/v1/designs/"
                                + driver.findElement(By.tagName("body")).getAttribute("data-design-id"),
                        f.viewer)
                .json();
        assertThat(uploaded.get("quote")).isEqualTo(manufacturer.get("quote"));
        assertThat(uploaded.get("comparison")).isEqualTo(manufacturer.get("comparison"));
        // a workbook with a bad cell: the page names it, nothing is designed
        Path bad = Files.write(
                dir.resolve("bad.xlsx"),
                org.wanplan.io.sites.Workbooks.fromCsv(
                        "Sites",
                        "id,name,city,country,lat,lon,role,bandwidthMbps,realtimePct,businessPct,resilience\n"
                                + "a,,Paris,FR,,,,lots,,,\n"));
        driver.findElement(By.id("sites-file")).sendKeys(bad.toAbsolutePath().toString());
        driver.findElement(By.id("design-btn")).click();
        wait.until(d -> !d.findElement(By.id("design-error")).getText().isEmpty());
        assertThat(driver.findElement(By.id("design-error")).getText())
                .contains("sites: Sites!H2: bandwidthMbps must be a number, was 'lots'");
        shot("05b-workbook-error");
        // the browser itself logs the refused request (and nothing else may be logged)
        List<String> logged = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertThat(logged)
                .singleElement()
                .asString()
                .endsWith("/api/v1/designs - Failed to load resource: the server responded with a status of 422"
                        + " (Unprocessable Entity)");
        assertThat(consoleErrors).isEmpty();
    }

    private static String sampleCsv(String name) throws java.io.IOException {
        try (var in = UiBrowserTest.class.getResourceAsStream("/org/wanplan/design/samples/" + name + ".csv")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aViewerOnlyLooksAndAnAdminImportsANetworkAndManagesTokens() throws Exception {
        driver.get("http://127.0.0.1:" + f.server.port() + "/");
        driver.findElement(By.id("token")).sendKeys(f.viewer);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("data-pops-drawn") != null);
        assertThat(driver.findElement(By.id("design-btn")).isEnabled()).isFalse();
        assertThat(driver.findElement(By.id("tab-admin")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("tab-tokens")).isDisplayed()).isFalse();
        shot("05-viewer");
        checkConsole();

        driver.findElement(By.id("logout")).click();
        wait.until(d -> d.findElement(By.id("login")).isDisplayed());
        driver.findElement(By.id("token")).sendKeys(f.admin);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("tab-admin")).isDisplayed());
        driver.findElement(By.id("tab-admin")).click();
        Path file = dir.resolve("duo.json");
        Files.writeString(file, TinyNetworks.parisLyon("duo", 100));
        driver.findElement(By.id("import-name")).sendKeys("duo");
        driver.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("import-msg")).getText().startsWith("Imported duo"));
        assertThat(f.api.get("/api/v1/networks/duo", f.viewer).status()).isEqualTo(200);
        driver.findElement(By.id("tab-network")).click();
        new Select(driver.findElement(By.id("network-select"))).selectByValue("duo");
        wait.until(d -> "duo".equals(d.findElement(By.tagName("body")).getAttribute("data-network")));
        assertThat(driver.findElements(By.cssSelector("#map path.pop-marker"))).hasSize(2);
        shot("06-admin-import");
        checkConsole();

        // an admin issues a token (shown once), sees it listed, and revokes it
        driver.findElement(By.id("tab-tokens")).click();
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("data-tokens-loaded") != null);
        new Select(driver.findElement(By.id("token-role"))).selectByValue("viewer");
        driver.findElement(By.cssSelector("#token-form button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("new-token")).isDisplayed()
                && d.findElement(By.id("new-token")).getAttribute("value").startsWith("wp_"));
        String issued = driver.findElement(By.id("new-token")).getAttribute("value");
        String id = f.api.get("/api/v1/whoami", issued).json().get("name").asText();
        assertThat(f.api.get("/api/v1/whoami", issued).json().get("role").asText())
                .isEqualTo("viewer");
        By row = By.cssSelector("#tokens-table tr[data-token='" + id + "']");
        wait.until(d -> !d.findElements(row).isEmpty());
        assertThat(driver.findElement(By.id("tokens-table")).getText()).doesNotContain("wp_");
        shot("07-admin-token-issued");
        driver.findElement(row)
                .findElement(By.cssSelector("button.token-revoke"))
                .click();
        wait.until(d -> !d.findElement(row)
                .findElement(By.cssSelector("td.revoked"))
                .getText()
                .equals("-"));
        assertThat(f.api.get("/api/v1/whoami", issued).status()).isEqualTo(401);
        shot("08-admin-token-revoked");
        checkConsole();
    }

    private void click(String orderId, String action) {
        By button =
                By.cssSelector("#orders-table tr[data-order='" + orderId + "'] button[data-action='" + action + "']");
        wait.until(d -> !d.findElements(button).isEmpty());
        driver.findElement(button).click();
    }

    private void waitForState(String orderId, String state) {
        wait.until(
                d -> d.findElements(By.cssSelector("#orders-table tr[data-order='" + orderId + "'] td.state")).stream()
                        .anyMatch(td -> td.getText().equals(state)));
    }

    private void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private void checkConsole() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(e.getMessage());
            }
        }
        assertThat(consoleErrors).as("browser console errors").isEmpty();
    }
}
