package org.endow.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.endow.devstack.RepoRoot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium for the browser tests: the system's binaries (Selenium Manager never runs), a fresh profile. */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {}

    static ChromeDriver chromium() throws java.io.IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Chromium and ChromeDriver are needed at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (.ci/run does it)");
        }
        Path profile = Files.createDirectories(
                RepoRoot.find().resolve("system-tests/target").resolve("chrome-profile-" + UUID.randomUUID()));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Quits the browser, then stops the stack, whatever fails first. */
    static void close(ChromeDriver driver, EndowStack stack) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    /** Where browser tests put their screenshots (to be looked at). */
    static Path screenshots() throws java.io.IOException {
        return Files.createDirectories(RepoRoot.find().resolve("system-tests/target/screenshots"));
    }
}
