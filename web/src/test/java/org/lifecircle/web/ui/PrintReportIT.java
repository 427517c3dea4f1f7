package org.lifecircle.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lifecircle.web.HttpJson;
import org.lifecircle.web.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The map page's print view as Chromium prints it (DevTools {@code Page.printToPDF}, the engine of
 * its print dialog): a report with its title, the time of printing and the data's date, the map
 * with its legend, the households chart and the whole per-community table. The PDF is read as a
 * reader would: its text with poppler's {@code pdftotext}, its first page as an image with {@code
 * pdftoppm} (Debian's poppler-utils). PDFs and page images are kept under target/screenshots.
 */
class PrintReportIT extends SignedInPageTest {
    /** Page images at this resolution: an A4 landscape page is 935 × 661 pixels. */
    private static final int PAGE_DPI = 80;
    /** Pixels of one choropleth class a printed map must show at least (the map is ~600 × 470 px). */
    private static final int MIN_CLASS_PIXELS = 400;

    /** A printed report: its PDF, the text of each page, and its first page as an image. */
    record Report(Path pdf, List<String> pages, BufferedImage firstPage) {
        String text() {
            return String.join("\n", pages);
        }
    }

    @Test
    void todaysCommunitiesPrintAsAReportWithTheMapItsLegendTheChartAndEveryCommunity() {
        openPage("zh", List.of());
        Report report = print("print-communities-zh");

        assertThat(report.pages()).hasSizeGreaterThanOrEqualTo(2);
        JsonNode summary = http.get("/api/summary").body();
        String first = squeezed(report.pages().get(0));
        assertThat(first)
                .contains(squeezed("社区生活圈规划 · 各社区户数（现状边界）"))
                .contains("图例", "社区户数", "河流与铁路", "服务设施")
                .contains("数据：" + squeezed(summary.at("/dataset/name").asString()))
                .contains(String.format(
                                Locale.ROOT,
                                "%,d",
                                summary.at("/population/households").asLong()) + "户")
                .containsPattern("打印时间：\\d{4}年\\d{1,2}月\\d{1,2}日\\d{2}:\\d{2}")
                .contains("打印人：" + TestAccounts.ADMIN);
        // The map's choropleth on paper, in at least two household classes.
        List<String> colours = new ArrayList<>();
        http.get("/api/ui/config").body().get("householdColours").forEach(c -> colours.add(c.asString()));
        assertThat(classesOnPaper(report, colours, fillOpacity("path.community")))
                .as("household classes drawn on page 1")
                .isGreaterThanOrEqualTo(2);

        // The chart and the table after the map: every community, households with separators.
        String rest = squeezed(
                String.join("", report.pages().subList(1, report.pages().size())));
        assertThat(rest).contains("各社区户数与", "社区一览", "户数", "人口", "街道");
        JsonNode communities = http.get("/api/communities").body().get("features");
        assertThat(communities.size()).isGreaterThan(10);
        for (JsonNode community : communities) {
            JsonNode p = community.get("properties");
            assertThat(rest).contains(squeezed(p.get("name").asString()));
            assertThat(rest)
                    .contains(String.format(
                            Locale.ROOT, "%,d", p.get("households").asLong()));
        }
        // Back on screen: the map's size and the page's title as before.
        assertThat(browser.driver.executeScript("return document.body.classList.contains('printing')"))
                .isEqualTo(false);
        assertThat(browser.driver.getTitle()).isEqualTo("社区生活圈规划 · lifecircle");
        assertThat(browser.errors()).isEmpty();
        browser.screenshot("print-communities-zh-after");
    }

    @Test
    void aCoverageRunPrintsInEnglishWithItsClassesAndEveryCommunity() {
        long run = runs.finishedRun("{\"kind\": \"coverage\"}");
        openPage("en", List.of());
        new Select(find("#coverage-run")).selectByValue(Long.toString(run));
        new Select(find("#coverage-type")).selectByValue("kindergarten");
        waitUntil(
                "the run shown",
                () -> (run + ":kindergarten").equals(find("#coverage-section").getAttribute("data-shown")));
        List<String> colours = new ArrayList<>();
        for (WebElement entry : browser.driver.findElements(By.cssSelector(".map-legend .legend-class"))) {
            colours.add(entry.getAttribute("data-colour"));
        }
        Report report = print("print-coverage-en");

        String first = squeezed(report.pages().get(0));
        assertThat(first)
                .contains(squeezed("Community life-circle planning · Coverage run #" + run + " · Kindergarten"))
                .contains("Legend", "meetsthestandard", "Printed", "Data:");
        assertThat(classesOnPaper(report, colours, fillOpacity("path.community")))
                .as("coverage classes drawn on page 1")
                .isGreaterThanOrEqualTo(2);
        String rest = squeezed(
                String.join("", report.pages().subList(1, report.pages().size())));
        assertThat(rest).contains("Covered(%)");
        for (JsonNode community :
                http.get("/api/runs/" + run + "/coverage/communities").body().get("communities")) {
            assertThat(rest).contains(squeezed(community.get("name").asString()));
        }
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void anOpenPlanPrintsWithItsCommunitiesUnderTheirNewNames() {
        long plan =
                http.post("/api/plans", "{\"name\": \"打印方案\"}").body().get("id").asLong();
        List<Long> cells = mostPopulousCellsOfLargestCommunity(plan, 12);
        JsonNode moved = http.post("/api/plans/" + plan + "/moves", "{\"cells\": " + cells + ", \"to\": null}")
                .body();
        int fresh = -1;
        for (JsonNode community : moved.get("affected")) {
            if (community.get("continuesCommunityId").isNull()) {
                fresh = community.get("key").asInt();
            }
        }
        HttpJson.Answer renamed = http.patch("/api/plans/" + plan + "/communities/" + fresh, "{\"name\": \"滨江新城社区\"}");
        assertThat(renamed.status()).as(String.valueOf(renamed.body())).isEqualTo(200);
        openPage("zh", List.of(plan));
        new Select(find("#plan-pick")).selectByValue(Long.toString(plan));
        waitUntil(
                "plan " + plan + " open",
                () -> Long.toString(plan).equals(find("#plan-section").getAttribute("data-plan")));
        Report report = print("print-plan-zh");

        String first = squeezed(report.pages().get(0));
        assertThat(first).contains(squeezed("社区生活圈规划 · 边界调整方案 #" + plan + "「打印方案」"), "方案#" + plan + "社区户数");
        List<String> colours = new ArrayList<>();
        JsonNode householdColours = http.get("/api/ui/config").body().get("householdColours");
        for (int i : new int[] {0, 2, 3}) {
            colours.add(householdColours.get(i).asString());
        }
        assertThat(classesOnPaper(report, colours, fillOpacity("path.plan-community")))
                .as("plan status classes drawn on page 1")
                .isGreaterThanOrEqualTo(2);
        String rest = squeezed(
                String.join("", report.pages().subList(1, report.pages().size())));
        assertThat(rest).contains("方案#" + plan + "社区", "滨江新城社区");
        for (JsonNode community : http.get("/api/plans/" + plan).body().get("communities")) {
            if (community.get("cells").asInt() > 0) {
                assertThat(rest).contains(squeezed(community.get("name").asString()));
            }
        }
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void thePrintButtonLaysTheReportOutBeforeTheBrowserPrintsAndRestoresThePageAfter() {
        openPage("zh", List.of());
        long screenWidth = ((Number) browser.driver.executeScript("return document.getElementById('map').offsetWidth"))
                .longValue();
        // The browser's print dialog is not for a headless test: record what it would print.
        browser.driver.executeScript("""
                window.__printed = null;
                window.print = () => { window.__printed = {
                    printing: document.body.classList.contains('printing'),
                    ready: document.body.dataset.print,
                    title: document.getElementById('print-title').textContent,
                    legend: document.getElementById('print-legend').textContent,
                    mapWidth: document.getElementById('map').offsetWidth,
                    documentTitle: document.title }; };""");
        find("#print").click();
        waitUntil("print() called", () -> browser.driver.executeScript("return window.__printed") != null);
        @SuppressWarnings("unchecked")
        Map<String, Object> printed = (Map<String, Object>) browser.driver.executeScript("return window.__printed");
        assertThat(printed.get("printing")).isEqualTo(true);
        assertThat(printed.get("ready")).isEqualTo("ready");
        assertThat((String) printed.get("title")).isEqualTo("社区生活圈规划 · 各社区户数（现状边界）");
        assertThat(printed.get("documentTitle")).isEqualTo(printed.get("title"));
        assertThat((String) printed.get("legend")).contains("图例", "社区户数");
        // 190 mm at 96 CSS pixels per inch.
        assertThat(((Number) printed.get("mapWidth")).longValue()).isEqualTo(Math.round(190 / 25.4 * 96));

        browser.driver.executeScript("window.dispatchEvent(new Event('afterprint'));");
        assertThat(browser.driver.executeScript("return document.body.classList.contains('printing')"))
                .isEqualTo(false);
        assertThat(((Number) browser.driver.executeScript("return document.getElementById('map').offsetWidth"))
                        .longValue())
                .isEqualTo(screenWidth);
        assertThat(browser.driver.getTitle()).isEqualTo("社区生活圈规划 · lifecircle");
        assertThat(browser.errors()).isEmpty();
    }

    /** Opens the map page in a language, with plans known to this browser (the plan picker lists them). */
    private void openPage(String language, List<Long> plans) {
        browser.driver.get("http://127.0.0.1:" + port + "/");
        awaitPageReady();
        StringBuilder known = new StringBuilder("[");
        for (long plan : plans) {
            known.append(known.length() > 1 ? "," : "")
                    .append("{\"id\":")
                    .append(plan)
                    .append(",\"name\":\"p\"}");
        }
        browser.driver.executeScript(
                "localStorage.setItem('lifecircle.lang', arguments[0]); localStorage.setItem('lifecircle.plans', arguments[1]);",
                language,
                known.append(']').toString());
        browser.driver.navigate().refresh();
        awaitPageReady();
    }

    /**
     * Prints the page as Chromium's print dialog would (A4 landscape from the style sheet, with
     * backgrounds, as the style sheet asks), after the page has laid itself out for paper.
     */
    private Report print(String name) {
        browser.driver.executeScript("window.lifecirclePrint.prepare();");
        waitUntil(
                "the report laid out",
                () -> "ready".equals(browser.driver.executeScript("return document.body.dataset.print")));
        Map<String, Object> answer = browser.driver.executeCdpCommand(
                "Page.printToPDF", Map.of("printBackground", true, "preferCSSPageSize", true));
        browser.driver.executeScript("window.lifecirclePrint.finish();");
        try {
            Files.createDirectories(Browser.SCREENSHOTS);
            Path pdf = Browser.SCREENSHOTS.resolve(name + ".pdf");
            Files.write(pdf, Base64.getDecoder().decode((String) answer.get("data")));
            String text = run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
            List<String> pages = new ArrayList<>(List.of(text.split("\f", -1)));
            // pdftotext ends every page with a form feed: the last piece is not a page.
            pages.remove(pages.size() - 1);
            Path image = Browser.SCREENSHOTS.resolve(name + "-page1");
            run(
                    "pdftoppm",
                    "-png",
                    "-r",
                    Integer.toString(PAGE_DPI),
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    pdf.toString(),
                    image.toString());
            return new Report(
                    pdf,
                    pages,
                    ImageIO.read(
                            Browser.SCREENSHOTS.resolve(name + "-page1.png").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How many of the colours, drawn at an opacity over white paper, cover at least {@link
     * #MIN_CLASS_PIXELS} pixels of the first page.
     */
    private static int classesOnPaper(Report report, List<String> colours, double opacity) {
        int[] counts = new int[colours.size()];
        int[][] blended = new int[colours.size()][];
        for (int k = 0; k < colours.size(); k++) {
            int rgb = Integer.parseInt(colours.get(k).substring(1), 16);
            blended[k] = new int[] {
                blend(rgb >> 16 & 0xff, opacity), blend(rgb >> 8 & 0xff, opacity), blend(rgb & 0xff, opacity)
            };
        }
        BufferedImage page = report.firstPage();
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                for (int k = 0; k < blended.length; k++) {
                    if (Math.abs((rgb >> 16 & 0xff) - blended[k][0]) <= 3
                            && Math.abs((rgb >> 8 & 0xff) - blended[k][1]) <= 3
                            && Math.abs((rgb & 0xff) - blended[k][2]) <= 3) {
                        counts[k]++;
                    }
                }
            }
        }
        System.out.println("[print] " + report.pdf().getFileName() + " " + colours + " pixels "
                + java.util.Arrays.toString(counts));
        int drawn = 0;
        for (int count : counts) {
            drawn += count >= MIN_CLASS_PIXELS ? 1 : 0;
        }
        return drawn;
    }

    private static int blend(int channel, double opacity) {
        return (int) Math.round(channel * opacity + 255 * (1 - opacity));
    }

    /** The fill opacity of the map's shapes, as the page draws them. */
    private double fillOpacity(String css) {
        return Double.parseDouble(find(css).getAttribute("fill-opacity"));
    }

    /** Text without white space: pdftotext breaks lines and spaces words as the layout has them. */
    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(
                        String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command[0] + " (scripts/test.sh installs poppler-utils)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
