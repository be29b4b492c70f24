package com.example.shop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code ./shop demo}, the newcomer's next command after {@code ./shop up}, tells the truth: what it prints is
 * what the stack did.
 */
class DemoE2ETests {

    private static final Path SHOP = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent()
            .resolve("shop");

    @Test
    void showsTheOrderThePointsItEarnedAndTheTextOfEachEmail() throws Exception {
        String output = runDemo();

        String orderId = find(output, "order ([0-9a-f-]{36}) is CONFIRMED");
        BigDecimal total = new BigDecimal(find(output, "(?m)^total: ([0-9.]+) EUR$"));
        // A new customer is BRONZE: one point per whole unit of currency paid.
        int points = Integer.parseInt(find(output, "(?m)^(\\d+) points, tier BRONZE"));
        assertThat(points).isPositive().isEqualTo(total.setScale(0, RoundingMode.DOWN).intValueExact());
        assertThat(output).contains("EARNED " + points + " for order " + orderId + " (ORDER_CONFIRMED)");

        String shortId = orderId.substring(0, 8);
        assertThat(output).contains("SENT  WELCOME  \"Welcome to our shop\"")
                .contains("SENT  ORDER_CONFIRMED  \"Your order " + shortId + " is confirmed\"");
        // The mails themselves, decoded as a reader sees them: subject, then the text with the order's total.
        String confirmation = output.substring(output.indexOf("Subject: Your order " + shortId + " is confirmed"));
        assertThat(confirmation).contains("Order: " + orderId).contains("Total: " + total.toPlainString() + " EUR");
        assertThat(output).contains("Subject: Welcome to our shop")
                .doesNotContain("null")
                .doesNotContain("Content-Transfer-Encoding")
                .doesNotContain("MIME-Version")
                .doesNotContain("<html");
    }

    private static String runDemo() throws IOException, InterruptedException {
        Path log = Files.createTempFile("shop-demo", ".log");
        ProcessBuilder demo = new ProcessBuilder(SHOP.toString(), "demo").redirectErrorStream(true)
                .redirectOutput(log.toFile());
        demo.environment().put("NO_COLOR", "1");
        demo.environment().put("SHOP_BASE_URL", ShopApi.BASE_URL);
        demo.environment().put("SHOP_IMAP", System.getProperty("e2e.imapHost", "localhost") + ":"
                + Integer.getInteger("e2e.imapPort", 3143));
        Process process = demo.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertThat(finished).as("./shop demo finished within 120 s; it printed:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit status of ./shop demo, which printed:%n%s", output).isZero();
        return output;
    }

    private static String find(String output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        assertThat(matcher.find()).as("./shop demo printed /%s/ in:%n%s", regex, output).isTrue();
        return matcher.group(1);
    }
}
