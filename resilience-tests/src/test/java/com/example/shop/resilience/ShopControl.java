package com.example.shop.resilience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Hurts the ./shop stack ({@code faults.control=shop}). Only processes ./shop started for this stack are
 * touched, found by the pid files ./shop keeps in the suite's own state directory and checked by the component and
 * state markers on their command line.
 */
final class ShopControl extends StackControl {

    private final Path shopDir;
    private final Path shopState;

    ShopControl(Settings settings) {
        super(settings);
        this.shopDir = settings.shopDir();
        this.shopState = settings.shopState();
    }

    /** kill -9 of each component's JVM at once, then ./shop start for each (in parallel, waiting for health). */
    @Override
    void killAndRestart(List<String> components) {
        for (String name : components) {
            long pid = pidOf(name);
            ProcessHandle process = ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is not running"));
            String command = process.info().commandLine().orElse("");
            if (!command.contains("-Dshop.component=" + name + " -Dshop.state=" + shopState + " ")) {
                throw new IllegalStateException("pid " + pid + " is not ./shop's " + name + ": " + command);
            }
            say("kill -9 " + name + " (pid " + pid + ")");
            process.destroyForcibly();
            try {
                process.onExit().get(15, TimeUnit.SECONDS);
            }
            catch (Exception ex) {
                throw new IllegalStateException(name + " did not die after SIGKILL", ex);
            }
        }
        // A thread per start: the common pool has a single thread on a 2-core machine.
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (String name : components) {
            CompletableFuture<Void> started = new CompletableFuture<>();
            Thread.ofPlatform().name("start-" + name).start(() -> {
                try {
                    shop("start", name);
                    started.complete(null);
                }
                catch (RuntimeException ex) {
                    started.completeExceptionally(ex);
                }
            });
            starts.add(started);
        }
        starts.forEach(CompletableFuture::join);
    }

    /** ./shop stop NAME, then ./shop start NAME (waits until it is healthy again). */
    @Override
    void restart(String name) {
        shop("stop", name);
        shop("start", name);
    }

    private long pidOf(String name) {
        try {
            return Long.parseLong(Files.readString(shopState.resolve("run/" + name + ".pid")).strip());
        }
        catch (IOException | NumberFormatException ex) {
            throw new IllegalStateException("no pid file for " + name + " in " + shopState + "/run", ex);
        }
    }

    private void shop(String... args) {
        List<String> command = new ArrayList<>();
        command.add(shopDir.resolve("shop").toString());
        command.addAll(List.of(args));
        say("./shop " + String.join(" ", args));
        long started = System.nanoTime();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(shopDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("NO_COLOR", "1");
            builder.environment().put("SHOP_STATE_DIR", shopState.toString());
            Process process = builder.start();
            if (!process.waitFor(240, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./shop " + String.join(" ", args) + " took over 240 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./shop " + String.join(" ", args) + " failed (exit "
                        + process.exitValue() + "), see " + log);
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        say("./shop " + String.join(" ", args) + " done in "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
    }
}
