package org.endow.systemtests;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests do on the portal's pages: sign in, fill fields, click and wait for the page
 * the click leads to, read text, and take full-page screenshots to look at.
 */
final class Page {

    final ChromeDriver driver;
    final WebDriverWait wait;
    final String portal;
    final Path screenshots;

    Page(ChromeDriver driver, String portal, Path screenshots) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.portal = portal;
        this.screenshots = screenshots;
    }

    /** Signs in (cookies cleared first) and lands on {@code next}; says where it stopped if it could not. */
    void signIn(String email, String password, String next) {
        driver.get(portal + "/static/endow.css");
        driver.manage().deleteAllCookies();
        driver.get(portal + "/signin?next=" + next);
        fill("email", email);
        fill("password", password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=user-name]")));
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "not signed in at " + driver.getCurrentUrl() + ": "
                            + driver.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    void fill(String id, String value) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(value);
    }

    /** Sets a date field's value directly (typing depends on the browser's locale). */
    void fillDate(String id, String isoDate) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        driver.executeScript("arguments[0].value = arguments[1];", field, isoDate);
    }

    /** Clicks and waits for the page the click leads to (the old page's elements go stale). */
    void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        element.click();
        // gone from the new document: Chromium says so as a stale element or, mid-navigation, as an inspector error
        wait.until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException e) {
                return true;
            }
        });
    }

    String text(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)))
                .getText();
    }

    /** The whole page, not only the window. */
    void screenshot(String name) throws java.io.IOException {
        Object height = driver.executeScript("return document.documentElement.scrollHeight;");
        int pageHeight = height instanceof Number n ? Math.min(4000, Math.max(900, n.intValue())) : 900;
        driver.manage().window().setSize(new Dimension(1280, pageHeight));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        driver.manage().window().setSize(new Dimension(1280, 900));
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
