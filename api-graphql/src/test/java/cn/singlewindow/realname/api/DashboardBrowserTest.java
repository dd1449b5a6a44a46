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
 * The /dashboard page in headless Chromium (Debian's chromium and chromium-driver): an analyst logs in through the
 * page's own form, and the charts and tables show the figures this test seeded through the API. On a machine
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
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "1".equals(System.getenv("REALNAME_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("Chromium and chromedriver must be installed: apt-get install chromium"
                    + " chromium-driver");
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

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void an_analyst_logs_in_and_the_charts_show_the_seeded_figures() {
        GraphQlApi api = new GraphQlApi(port);
        HttpGraphQlTester operations = api.asOperations();
        operations.documentName("createStaffAccount")
                .variable("input", Map.of("username", ANALYST, "password", ANALYST_PASSWORD, "role", "ANALYST"))
                .execute().path("createStaffAccount.id").hasValue();
        // Seed: two legal representative attempts started; one of them fails step 1 twice.
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
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> analyst.documentName("certificationStatistics")
                .variable("from", today).variable("to", today).execute()
                .path("certificationStatistics.failureReasons[0].count").entity(Integer.class).isEqualTo(2));

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
        assertThat(seriesData("chart-methods")).containsExactly(List.of(0L, 2L, 0L), List.of(0L, 0L, 0L),
                List.of(0L, 2L, 0L), List.of(0L, 0L, 0L));
        assertThat(seriesData("chart-reasons")).containsExactly(List.of(2L));
        assertThat(seriesData("chart-daily").get(0)).last().isEqualTo(2L);
        assertThat(rows("table-methods")).contains("法定代表人身份 2 0 2 0 0.0%");
        assertThat(rows("table-reasons")).singleElement().asString()
                .startsWith("法定代表人身份 ENTERPRISE_INFO_MISMATCH").endsWith(" 2");
        assertThat(rows("table-levels")).containsExactly("未认证 NONE 2");
        // The charts are drawn as SVG with their figures as text.
        assertThat(browser.findElement(By.id("chart-methods")).findElements(By.tagName("text")))
                .anySatisfy(label -> assertThat(label.getText()).isEqualTo("2"));
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
