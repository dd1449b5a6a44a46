package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The /dashboard page and GraphiQL in headless Chromium (Debian's chromium and chromium-driver): an analyst logs in
 * through the dashboard's own form, and the charts and tables show the figures this test seeded through the API;
 * GraphiQL loads from the service alone and runs a query. Each page's screenshot is kept under target/screenshots. On a machine
 * without Chromium the test is skipped, unless REALNAME_REQUIRE_BROWSER=1 (set by .ci/run) makes that a failure.
 */
class DashboardBrowserTest extends SeparateService {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ANALYST = "dashboard-analyst";
    private static final String ANALYST_PASSWORD = "Analyst-pass1";

    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) && chineseFonts();
        if (!installed && "1".equals(System.getenv("REALNAME_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("Chromium, chromedriver and CJK fonts must be installed: apt-get install"
                    + " chromium chromium-driver fonts-noto-cjk");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1100",
                "--user-data-dir=" + TestDirectories.create("realname-chromium-"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    /** Without a font for Chinese the pages draw boxes for every label: a browser check of nothing. */
    private static boolean chineseFonts() throws Exception {
        Process fonts = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
        String found = new String(fonts.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return fonts.waitFor() == 0 && !found.isBlank();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void an_analyst_logs_in_and_the_charts_show_the_seeded_figures() throws Exception {
        GraphQlApi api = new GraphQlApi(port);
        HttpGraphQlTester operations = api.asOperations();
        operations.documentName("createStaffAccount")
                .variable("input", Map.of("username", ANALYST, "password", ANALYST_PASSWORD, "role", "ANALYST"))
                .execute().path("createStaffAccount.id").hasValue();
        // Seed: the sandbox's demo of twenty enterprises (SandboxDemo's stories, so known figures), and two legal
        // representative attempts started here, one of which fails step 1 twice.
        api.anonymous().documentName("sandboxSeedDemo").variable("enterprises", 20).execute()
                .path("sandboxSeedDemo.attempts").entity(Integer.class).isEqualTo(18);
        ImportedEnterprise first = api.importEnterprise(operations);
        ImportedEnterprise second = api.importEnterprise(operations);
        String attemptId = startLegalRep(api, first);
        startLegalRep(api, second);
        HttpGraphQlTester admin = api.asAdministratorOf(first);
        for (int i = 0; i < 2; i++) {
            admin.documentName("verifyEnterpriseInfo")
                    .variable("input", Map.of("attemptId", attemptId, "enterpriseName", "别的公司",
                            "uscc", first.uscc(), "legalRepName", "张三", "legalRepDocumentType", "RESIDENT_ID_CARD",
                            "legalRepDocumentNumber", "11010519491231002X"))
                    .execute().path("verifyEnterpriseInfo.failureCode").entity(String.class)
                    .isEqualTo("ENTERPRISE_INFO_MISMATCH");
        }
        HttpGraphQlTester analyst = api.as(api.tokenOf(ANALYST, ANALYST_PASSWORD));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        // Everything projected: 22 enterprises have a level (NONE included).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(analyst
                .documentName("certificationStatistics").variable("from", today).variable("to", today).execute()
                .path("certificationStatistics.enterprisesPerLevel[*].count").entityList(Integer.class).get()
                .stream().mapToInt(Integer::intValue).sum()).isEqualTo(22));

        browser.get("http://localhost:" + port + "/dashboard");
        waitForState("login");
        browser.findElement(By.id("username")).sendKeys(ANALYST);
        browser.findElement(By.id("password")).sendKeys(ANALYST_PASSWORD);
        String captchaId = browser.findElement(By.id("captcha-image")).getDomAttribute("data-captcha-id");
        browser.findElement(By.id("captcha-answer")).sendKeys(api.anonymous().documentName("sandboxCaptchaAnswer")
                .variable("captchaId", captchaId).execute().path("sandboxCaptchaAnswer").entity(String.class).get());
        browser.findElement(By.id("login-submit")).click();
        waitForState("ready");

        // Series in the order started, passed, failed, expired; each over IC card, legal representative, UKey.
        // The demo: legal representative 6 passed, 2 passed after a mistyped name (a failed step each), 1 not in
        // CTID, 2 half-way; IC card 3 passed, 1 revoked; bank UKey 2 passed, 1 refused. Here: 2 started, 2 failed.
        assertThat(seriesData("chart-methods")).containsExactly(List.of(4L, 13L, 3L), List.of(3L, 8L, 2L),
                List.of(1L, 5L, 1L), List.of(0L, 0L, 0L));
        assertThat(seriesData("chart-daily").get(0)).last().isEqualTo(20L);
        assertThat(rows("table-methods")).contains("法定代表人身份 13 8 5 0 61.5%");
        assertThat(rows("table-reasons")).hasSize(4).first().asString()
                .startsWith("法定代表人身份 ENTERPRISE_INFO_MISMATCH").endsWith(" 4");
        // The IC card and the bank UKey grant HIGH, the legal representative MEDIUM.
        assertThat(rows("table-levels")).containsExactlyInAnyOrder("高 HIGH 5", "中 MEDIUM 8", "未认证 NONE 9");
        // The charts are drawn as SVG with their figures as text.
        assertThat(browser.findElement(By.id("chart-methods")).findElements(By.tagName("text")))
                .anySatisfy(label -> assertThat(label.getText()).isEqualTo("13"));
        assertThat(painted("dashboard")).as("share of the page painted").isGreaterThan(0.02);
    }

    @Test
    void graphiql_comes_whole_from_the_application_and_answers_a_query() throws Exception {
        String query = "query { captcha { id } }";
        browser.get("http://localhost:" + port + "/graphiql?path=/graphql&query="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
                !driver.findElements(By.cssSelector(".graphiql-execute-button")).isEmpty());
        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .withMessage(() -> "GraphiQL's answer: " + resultWindow() + "\npage: "
                        + browser.findElement(By.tagName("body")).getText())
                .until(driver -> resultWindow().contains("\"captcha\""));
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(r => r.name)");
        assertThat(loaded).as("every script and style from this service").isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith("http://localhost:" + port + "/"));
        assertThat(painted("graphiql")).as("share of the page painted").isGreaterThan(0.02);
    }

    private String resultWindow() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "const w = document.querySelector('.result-window'); return w ? w.innerText : null"));
    }

    /**
     * The page as the browser painted it, saved beside the test's reports: the share of its pixels that are not
     * the page's background (a blank page, or one that never drew, is under a percent).
     */
    private double painted(String name) throws Exception {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), png);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        int background = image.getRGB(0, image.getHeight() - 1);
        long differing = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if (image.getRGB(x, y) != background) {
                    differing++;
                }
            }
        }
        return differing / ((image.getWidth() / 2.0) * (image.getHeight() / 2.0));
    }

    private String startLegalRep(GraphQlApi api, ImportedEnterprise enterprise) {
        return api.asAdministratorOf(enterprise)
                .documentName("startLegalRepCertification").variable("input", Map.of("enterpriseId", enterprise.id()))
                .execute().path("startLegalRepCertification.id").entity(String.class).get();
    }

    private void waitForState(String state) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver ->
                state.equals(driver.findElement(By.tagName("body")).getDomAttribute("data-state")));
    }

    @SuppressWarnings("unchecked")
    private List<List<Long>> seriesData(String chartId) {
        return (List<List<Long>>) ((JavascriptExecutor) browser).executeScript("return echarts.getInstanceByDom("
                + "document.getElementById(arguments[0])).getOption().series.map(s => s.data)", chartId);
    }

    private List<String> rows(String tableId) {
        return browser.findElement(By.id(tableId)).findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.getText().replaceAll("\\s+", " ").strip()).toList();
    }
}
