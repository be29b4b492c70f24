package com.example.shop.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.example.shop.benchmark.Scenario.Catalogue;
import com.example.shop.benchmark.Scenario.Outcome;
import com.example.shop.benchmark.Scenario.Shopper;

/**
 * N virtual users running one scenario back to back for a while: a closed loop, so the load is what the stack
 * lets through. The iterations that end inside the measurement window count; before it the users settle in (the
 * level's own warm-up), and a probe is read at the window's two ends.
 *
 * <p>Ending in the window, not starting and ending in it: the requests and CPU the window sees belong to the
 * iterations running in it, and in a steady state as many end in it as run through it. Counting only those that
 * also started in it drops the ones under way at its start, a share that grows with the iteration's length: a
 * 20 s window of 11 s sessions counted about half of them, and so halved sessions/s and doubled requests and CPU
 * per session.
 */
final class ClosedLoop {

    /** Each virtual user takes turns between this many customers of its own (see {@link Scenario.Checkout}). */
    static final int SHOPPERS_PER_USER = 2;

    /** What one level measured. {@code latenciesMillis} is sorted. */
    record Result(Scenario scenario, int users, Duration window, long completed, long confirmed,
            List<Double> latenciesMillis, Map<String, Long> errors, StackProbe.Delta stack, long requests) {

        double perSecond() {
            return completed / (window.toNanos() / 1e9);
        }

        double confirmedPerSecond() {
            return confirmed / (window.toNanos() / 1e9);
        }

        double percentile(double p) {
            if (latenciesMillis.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesMillis.size()) - 1;
            return latenciesMillis.get(Math.max(0, Math.min(index, latenciesMillis.size() - 1)));
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private ClosedLoop() {
    }

    static Result run(ShopClient shop, Scenario scenario, List<Shopper> shoppers, Catalogue catalogue, int users,
            Duration settle, Duration window, StackProbe probe) throws InterruptedException {
        if (shoppers.size() < users * SHOPPERS_PER_USER) {
            throw new IllegalArgumentException(users + " users need " + users * SHOPPERS_PER_USER + " shoppers, there are "
                    + shoppers.size());
        }
        long windowStart = System.nanoTime() + settle.toNanos();
        long windowEnd = windowStart + window.toNanos();
        LongAdder completed = new LongAdder();
        LongAdder confirmed = new LongAdder();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicLong unexpected = new AtomicLong();

        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            List<Shopper> own = shoppers.subList(i * SHOPPERS_PER_USER, (i + 1) * SHOPPERS_PER_USER);
            threads.add(Thread.ofVirtual().name("user-" + i).start(() -> {
                int turn = 0;
                while (System.nanoTime() < windowEnd) {
                    Shopper shopper = own.get(turn++ % own.size());
                    Outcome outcome;
                    try {
                        outcome = scenario.run(shop, shopper, catalogue);
                    }
                    catch (RuntimeException ex) {
                        unexpected.incrementAndGet();
                        outcome = Outcome.failed(ex.getClass().getSimpleName());
                    }
                    long ended = System.nanoTime();
                    if (ended < windowStart || ended > windowEnd) {
                        continue;
                    }
                    if (outcome.ok()) {
                        completed.increment();
                        confirmed.add(outcome.confirmed());
                        latencies.add(outcome.nanos() / 1e6);
                    }
                    else {
                        errors.computeIfAbsent(outcome.error(), e -> new LongAdder()).increment();
                    }
                }
            }));
        }
        sleepUntil(windowStart);
        StackProbe.Snapshot before = probe.snapshot();
        long sentBefore = shop.sent();
        sleepUntil(windowEnd);
        StackProbe.Snapshot after = probe.snapshot();
        long requests = shop.sent() - sentBefore;
        for (Thread thread : threads) {
            thread.join();
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((error, count) -> errorCounts.put(error, count.sum()));
        return new Result(scenario, users, window, completed.sum(), confirmed.sum(), sorted, errorCounts,
                after.minus(before), requests);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }
}
