package loopsmith.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import loopsmith.BrowserTest;
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
 * one). First a page from another origin tries what any site the producer browses could (a no-cors fetch, a form
 * post, a FormData upload) and the server must refuse all of it; then the real page generates through its form and the
 * result card shows the piano roll and a player per stem. Leaves a screenshot in target/browser-test/screenshot.png.
 * Skipped where Chromium is not installed (scripts/install-test-packages.sh installs it), except under CI (the
 * environment variable {@code CI} set), where it fails: there a failed install would otherwise pass unseen, as the
 * corpus tests fail there without ../shared.
 */
@BrowserTest
class WebPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    /** Skips the test where the browser is missing, or fails it under CI, where it must run. */
    static void requireChromium(Path chromium, Path driver, boolean ci) {
        if (Files.isExecutable(chromium) && Files.isExecutable(driver)) return;
        String why = "no " + chromium + " and " + driver + "; run scripts/install-test-packages.sh";
        if (ci) fail(why + " (CI is set: the web page test must run there, not skip)");
        assumeTrue(false, why);
    }

    @Test
    void aMissingBrowserSkipsTheTestButFailsItUnderCi() {
        Path missing = dir.resolve("no-chromium");
        assertThrows(org.opentest4j.TestAbortedException.class, () -> requireChromium(missing, CHROMEDRIVER, false));
        assertThrows(org.opentest4j.AssertionFailedError.class, () -> requireChromium(missing, CHROMEDRIVER, true));
        assertThrows(org.opentest4j.AssertionFailedError.class, () -> requireChromium(CHROMIUM, missing, true));
    }

    @Test
    void generatesThroughThePageAndShowsPianoRollAndPlayers() throws Exception {
        requireChromium(CHROMIUM, CHROMEDRIVER, System.getenv("CI") != null);
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
            HttpServer evil = attackerSite(server.httpPort());
            try {
                browser.get("http://localhost:" + evil.getAddress().getPort() + "/");
                WebDriverWait attacks = new WebDriverWait(browser, Duration.ofSeconds(30));
                attacks.until(d -> "sent".equals(((JavascriptExecutor) d).executeScript("return document.title;")));
                // The no-cors fetch and the upload are fire-and-forget and the form navigates a frame: wait for the server to see them.
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (server.refusedRequests() < 3 && System.nanoTime() < deadline) Thread.sleep(100);
                System.out.printf("browser: attacker page requests refused: %d, jobs accepted: %d%n", server.refusedRequests(), server.jobs().accepted());
                assertTrue(server.refusedRequests() >= 3, "the fetch, the form and the upload reach the server and are refused: " + server.refusedRequests());
                assertEquals(0, server.jobs().accepted(), "a page from another origin created a job");
                try (Stream<Path> files = Files.list(out)) {
                    assertEquals(List.of(Server.TOKEN_FILE), files.map(p -> p.getFileName().toString()).toList(), "nothing was written");
                }

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
                    assertTrue(src.contains(".wav?token="), "players fetch with the token: " + src);
                    Object status = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0], {headers: {Range: 'bytes=0-11'}}).then(r => r.arrayBuffer().then(b =>"
                            + " done(r.status + ':' + String.fromCharCode(...new Uint8Array(b).slice(8, 12)))));", src);
                    assertTrue(String.valueOf(status).matches("20[06]:WAVE"), src + " -> " + status);
                }
                assertTrue(card.findElement(By.cssSelector("a.zip")).getAttribute("href").contains(".zip?token="));
                wait.until(d -> !d.findElements(By.cssSelector("#history .item")).isEmpty());

                // Drumify through the page: the clip chosen in a file input, the genre typed in, a card for the result.
                Path riff = dir.resolve("riff.mid");
                loopsmith.midi.MidiWriter.write(loopsmith.music.Piece.of(480, 100, loopsmith.music.TimeSignature.FOUR_FOUR,
                        java.util.Optional.empty(), List.of(new loopsmith.music.Track("Bass", loopsmith.music.Role.BASS, 33, false,
                                List.of(new loopsmith.music.Note(40, 100, 0, 240), new loopsmith.music.Note(40, 100, 720, 240),
                                        new loopsmith.music.Note(43, 100, 960, 240)))), 3840), riff);
                browser.findElement(By.id("seed_midi")).sendKeys(riff.toString());
                browser.findElement(By.id("genre")).sendKeys("rock");
                browser.findElement(By.id("drumify")).click();
                WebElement drumified = wait.until(d -> d.findElements(By.cssSelector("#results article.card")).stream()
                        .filter(c -> c.getAttribute("data-folder").contains("_drumify-rock_")).findFirst().orElse(null));
                assertTrue(drumified.findElements(By.cssSelector(".files a")).stream().anyMatch(a -> a.getText().startsWith("Drums_")),
                        "the drums' MIDI file is offered");

                // Groove through the page: a drum clip chosen as Seed MIDI, the grooved file offered at once.
                Path drums = dir.resolve("beat.mid");
                List<loopsmith.music.Note> hits = new java.util.ArrayList<>();
                for (int i = 0; i < 16; i++) hits.add(new loopsmith.music.Note(i % 4 == 0 ? 36 : i % 4 == 2 ? 38 : 42, 100, i * 240L, 60));
                loopsmith.midi.MidiWriter.write(loopsmith.music.Piece.of(480, 100, loopsmith.music.TimeSignature.FOUR_FOUR,
                        java.util.Optional.empty(), List.of(new loopsmith.music.Track("Drums", loopsmith.music.Role.DRUMS, 0, true, hits)), 3840), drums);
                browser.findElement(By.id("seed_midi")).clear();
                browser.findElement(By.id("seed_midi")).sendKeys(drums.toString());
                browser.findElement(By.id("groove")).click();
                WebElement grooved = wait.until(d -> d.findElements(By.cssSelector("#results article.grooved")).stream().findFirst().orElse(null));
                assertEquals("beat-grooved.mid", grooved.findElement(By.cssSelector(".files a")).getAttribute("download"));
                assertTrue(browser.findElement(By.id("status")).getText().startsWith("grooved: 16 hits"),
                        browser.findElement(By.id("status")).getText());

                // Interpolate through the page: the beat as Seed MIDI (A), another as Clip B, a card with the steps.
                Path other = dir.resolve("beat-b.mid");
                List<loopsmith.music.Note> hitsB = new java.util.ArrayList<>();
                for (int i = 0; i < 16; i++) hitsB.add(new loopsmith.music.Note(i % 8 == 0 || i % 8 == 3 ? 36 : i % 8 == 4 ? 38 : 42, 100, i * 240L, 60));
                loopsmith.midi.MidiWriter.write(loopsmith.music.Piece.of(480, 100, loopsmith.music.TimeSignature.FOUR_FOUR,
                        java.util.Optional.empty(), List.of(new loopsmith.music.Track("Drums", loopsmith.music.Role.DRUMS, 0, true, hitsB)), 3840), other);
                browser.findElement(By.id("clip_b")).sendKeys(other.toString());
                browser.findElement(By.id("interpolate")).click();
                WebElement morph = wait.until(d -> d.findElements(By.cssSelector("#results article.card")).stream()
                        .filter(c -> String.valueOf(c.getAttribute("data-folder")).contains("_interpolate-rock_")).findFirst().orElse(null));
                assertTrue(morph.findElements(By.cssSelector(".files a")).stream().anyMatch(a -> a.getText().startsWith("Interpolation_")),
                        "the whole interpolation's MIDI file is offered");
                assertTrue(morph.findElements(By.cssSelector(".files a")).stream().anyMatch(a -> a.getText().startsWith("Step05_")),
                        "each step's MIDI file is offered");

                Path shot = Path.of("target/browser-test/screenshot.png");
                Files.createDirectories(shot.getParent());
                File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
                Files.copy(png.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
                assertTrue(Files.size(shot) > 1000);
            } finally {
                evil.stop(0);
                browser.quit();
            }
        }
    }

    /**
     * Another origin (localhost on another port: another site to the browser than 127.0.0.1) whose page tries the
     * three requests a page may send anywhere without a preflight, then sets its title to "sent".
     */
    private static HttpServer attackerSite(int serverPort) throws Exception {
        String api = "http://127.0.0.1:" + serverPort + "/api/generate";
        String page = "<!doctype html><html><head><title>attacker</title></head><body>"
                + "<iframe name=sink></iframe>"
                + "<form id=f method=POST action='" + api + "' enctype='text/plain' target=sink>"
                + "<input name='{\"text\":\"techno\",\"bars\":1,\"audio\":false,\"x\":\"' value='\"}'></form>"
                + "<script>(async () => {"
                + "const body = JSON.stringify({text: 'techno', bars: 1, audio: false});"
                + "try { await fetch('" + api + "', {method: 'POST', mode: 'no-cors', headers: {'Content-Type': 'text/plain'}, body}); } catch (e) {}"
                + "const fd = new FormData(); fd.append('request', body);"
                + "fd.append('seed_midi', new Blob([new Uint8Array([77, 84, 104, 100, 0, 0, 0, 6, 0, 0, 0, 1, 0, 96])]), 'x.mid');"
                + "try { await fetch('" + api + "', {method: 'POST', mode: 'no-cors', body: fd}); } catch (e) {}"
                + "document.getElementById('f').submit();"
                + "document.title = 'sent';"
                + "})();</script></body></html>";
        HttpServer evil = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        evil.createContext("/", ex -> {
            byte[] b = page.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, b.length);
            try (var o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        evil.start();
        return evil;
    }
}
