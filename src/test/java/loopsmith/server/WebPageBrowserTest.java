package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real browser: Debian's headless Chromium through its chromedriver (Selenium never downloads
 * one). Generates through the form and checks the result card: the piano roll loaded and a player per stem.
 * Leaves a screenshot in target/browser-test/screenshot.png. Skipped where Chromium is not installed
 * (scripts/install-test-packages.sh installs it).
 */
class WebPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    @Test
    void generatesThroughThePageAndShowsPianoRollAndPlayers() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no /usr/bin/chromium and /usr/bin/chromedriver; run scripts/install-test-packages.sh");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path out = Files.createDirectories(dir.resolve("out"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        try (Server server = Server.start(ServerConfig.tiny(ServerApiTest.HOME, out).withPorts(0, -1), Clock.systemDefaultZone(), "test")) {
            ChromeDriver browser = new ChromeDriver(service, options);
            try {
                browser.get("http://127.0.0.1:" + server.httpPort() + "/");
                assertEquals("Loopsmith", browser.getTitle());
                browser.findElement(By.id("text")).sendKeys("funk beat at 100 bpm in E minor");
                WebElement bars = browser.findElement(By.id("bars"));
                bars.clear();
                bars.sendKeys("2");
                browser.findElement(By.id("seed")).sendKeys("11");
                browser.findElement(By.cssSelector("input[name=roles][value=chords]")).click(); // drums and bass only: quicker
                long t0 = System.nanoTime();
                browser.findElement(By.id("go")).click();

                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
                WebElement card = wait.until(d -> d.findElements(By.cssSelector("#results article.card")).stream().findFirst().orElse(null));
                WebElement roll = card.findElement(By.cssSelector("img.roll"));
                JavascriptExecutor js = browser;
                wait.until(d -> (Boolean) js.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", roll));
                double seconds = (System.nanoTime() - t0) / 1e9;
                long width = (Long) js.executeScript("return arguments[0].naturalWidth;", roll);
                List<WebElement> players = card.findElements(By.cssSelector(".stem audio"));
                System.out.printf("browser: generate click to piano roll shown: %.2f s; roll %d px wide; %d audio players%n",
                        seconds, width, players.size());
                assertTrue(width > 0);
                assertTrue(players.size() >= 2, "a player per stem (drums, bass) and the mix: " + players.size());
                for (WebElement p : players) {
                    String src = p.getAttribute("src");
                    assertTrue(src.endsWith(".wav"), src);
                    Object status = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0], {headers: {Range: 'bytes=0-11'}}).then(r => r.arrayBuffer().then(b =>"
                            + " done(r.status + ':' + String.fromCharCode(...new Uint8Array(b).slice(8, 12)))));", src);
                    assertTrue(String.valueOf(status).matches("20[06]:WAVE"), src + " -> " + status);
                }
                assertTrue(card.findElement(By.cssSelector("a.zip")).getAttribute("href").endsWith(".zip"));
                wait.until(d -> !d.findElements(By.cssSelector("#history .item")).isEmpty());

                Path shot = Path.of("target/browser-test/screenshot.png");
                Files.createDirectories(shot.getParent());
                File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
                Files.copy(png.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
                assertTrue(Files.size(shot) > 1000);
            } finally {
                browser.quit();
            }
        }
    }
}
