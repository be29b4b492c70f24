package com.example.shop.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.example.shop.resilience.Http.Response;
import com.example.shop.resilience.InvariantCheck.Violation;

import tools.jackson.databind.JsonNode;

/**
 * The fault-injection suite (issue 7): a steady load of customers and back-office work through the gateway
 * while, in turn, every service's JVM is killed, Kafka and PostgreSQL restart, the payment provider turns
 * slow and then unreliable, and order events arrive twice and out of order. Afterwards, once the stack has
 * settled, the invariants must hold for every order, product and customer: the table printed at the end
 * counts the violations per fault, and any violation fails the test. Bounded by {@code faults.budgetSeconds}
 * (about eight minutes by default, under four in CI).
 */
class FaultInjectionResilienceTests {

    private static final int START_STOCK = 1_000;
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("faults.budgetSeconds", 210));
    /**
     * ./shop's services, each killed in turn; {@code faults.killWave} (default 3) of them at once, restarted
     * in parallel, to shorten the phase. The simulators stand for outside providers and keep their state in
     * memory, so they are left alone.
     */
    private static final List<String> KILLED = List.of("order-service", "notification-service", "loyalty-service",
            "catalog-service", "payment-service", "shipping-service", "customer-service", "cart-service", "gateway");

    @Test
    void everyOrderEndsFinalAndMoneyStockPointsAndMailsAddUpAfterCrashesRestartsSlowPaymentsAndDuplicateEvents()
            throws Exception {
        Settings settings = Settings.fromSystemProperties();
        settings.requireLoopback();
        Instant started = Instant.now();
        Instant budgetEnd = started.plus(BUDGET);
        StackControl.say("seed " + settings.seed() + ", faults " + settings.only() + " on " + settings.control()
                + ", " + settings.workers() + " workers, kill wave " + settings.killWave() + ", pace " + settings.pace()
                + ", budget " + BUDGET.toSeconds() + " s, gateway " + settings.baseUrl());

        Http http = new Http(settings.baseUrl());
        Response login = http.retrying("POST", "/api/auth/token", null,
                Map.of("email", settings.adminEmail(), "password", settings.adminPassword()));
        assertThat(login.status()).as("admin login: %s", login.describe()).isEqualTo(200);
        String admin = login.body().get("access_token").asString();

        StackControl control = StackControl.of(settings);
        control.pspFaults(0.0, "PT0S");
        EventReplay replay = new EventReplay(settings.kafka(), Boolean.getBoolean("faults.replayFreshIds"));
        InvariantCheck check = new InvariantCheck(http, admin, settings);
        Map<String, Long> deadLettersAtStart = replay.deadLetters();
        Map<String, Long> parkedAtStart = check.parkedRows();

        Map<String, List<String>> productsByPhase = new LinkedHashMap<>();
        Map<String, Integer> onHandAtStart = new HashMap<>();
        String[][] catalogue = { { "Linen towel", "9.90" }, { "Bread knife", "24.50" }, { "Oak board", "37.25" } };
        for (String fault : settings.only()) {
            List<String> products = new ArrayList<>();
            for (String[] item : catalogue) {
                String id = createProduct(http, admin, item[0] + " (" + fault + ")", item[1]);
                products.add(id);
                onHandAtStart.put(id, http.retrying("GET", "/api/products/variants/" + id + "/stock", admin, null)
                        .body().get("onHand").asInt());
            }
            productsByPhase.put(fault, products);
        }

        List<Violation> faultFailures = new ArrayList<>();
        Map<String, String> faultTimes = new LinkedHashMap<>();
        Traffic traffic = new Traffic(http, admin, productsByPhase, settings.seed());
        traffic.phase.set(settings.only().iterator().next());
        traffic.start(settings.workers());
        try {
            for (String fault : settings.only()) {
                traffic.phase.set(fault);
                StackControl.say("=== fault: " + fault);
                Instant t = Instant.now();
                try {
                    inject(fault, settings, control, replay, traffic);
                }
                catch (RuntimeException ex) {
                    faultFailures.add(new Violation(fault, "the fault could not be applied or undone: " + ex.getMessage()));
                    StackControl.say("fault " + fault + " failed: " + ex);
                }
                faultTimes.put(fault, Duration.between(t, Instant.now()).toSeconds() + " s");
            }
        }
        finally {
            safely(() -> control.pspFaults(0.0, "PT0S"));
            StackControl.say("load stops; customers under way finish their orders");
            long left = Duration.between(Instant.now(), budgetEnd.minusSeconds(150)).toSeconds();
            traffic.stop(Duration.ofSeconds(Math.max(20, Math.min(100, left))));
        }

        // Settle: drive every order the workers left unfinished, within what the budget leaves.
        List<OrderRun> runs = traffic.runs();
        // At least 30 s each for settling and checking, even when a small budget is nearly spent.
        Instant settleEnd = max(min(Instant.now().plusSeconds(150), budgetEnd.minusSeconds(60)),
                Instant.now().plusSeconds(30));
        Set<OrderRun> done = ConcurrentHashMap.newKeySet();
        Random random = new Random(settings.seed());
        boolean settled = Waits.until(Duration.between(Instant.now(), settleEnd), Duration.ofSeconds(1), () -> {
            for (OrderRun run : runs) {
                if (!done.contains(run) && traffic.step(run, random)) {
                    done.add(run);
                }
            }
            return done.size() == runs.size();
        });
        StackControl.say(runs.size() + " orders, " + done.size() + " done driving" + (settled ? "" : " (settle window over)"));

        // Eventual effects (events, mails, relays) get a bounded while to arrive; then the verdict.
        List<Violation> violations = new ArrayList<>();
        Instant checkEnd = max(min(Instant.now().plusSeconds(90), budgetEnd.minusSeconds(10)),
                Instant.now().plusSeconds(30));
        Waits.until(Duration.between(Instant.now(), checkEnd), Duration.ofSeconds(3), () -> {
            violations.clear();
            violations.addAll(evaluate(check, traffic, runs, productsByPhase, onHandAtStart, parkedAtStart, false));
            return violations.isEmpty();
        });
        violations.clear();
        violations.addAll(faultFailures);
        violations.addAll(evaluate(check, traffic, runs, productsByPhase, onHandAtStart, parkedAtStart, true));
        Map<String, Long> deadLetters = replay.deadLetters();
        deadLetters.forEach((topic, n) -> {
            long before = deadLettersAtStart.getOrDefault(topic, 0L);
            if (n > before) {
                violations.add(new Violation(InvariantCheck.GLOBAL, (n - before) + " records dead-lettered on " + topic));
            }
        });

        Duration took = Duration.between(started, Instant.now());
        String table = Report.table(rows(settings, traffic, runs, violations, faultTimes));
        StringBuilder report = new StringBuilder()
                .append("Fault-injection run of ").append(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" against ").append(settings.control().equals("compose") ? "the compose stack" : "./shop")
                .append(", seed ").append(settings.seed()).append(", ").append(settings.workers()).append(" workers, ")
                .append("kill wave ").append(settings.killWave()).append(", pace ").append(settings.pace()).append(", ")
                .append(took.toSeconds()).append(" s in all\n\n").append(table)
                .append("\nChecked: ").append(check.counted.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")))
                .append(", dead-letter topics ").append(deadLetters.keySet()).append('\n');
        if (!violations.isEmpty()) {
            report.append("\nViolations:\n");
            violations.stream().limit(200).forEach(v -> report.append("- [").append(v.phase()).append("] ")
                    .append(v.what()).append('\n'));
        }
        traffic.clientErrorsByPhase.forEach((phase, errors) -> {
            report.append("\nClient errors during ").append(phase).append(" (requests that failed after their retries):\n");
            errors.stream().limit(20).forEach(e -> report.append("- ").append(e).append('\n'));
        });
        System.out.println("\n" + report);
        writeReport(settings, report.toString());

        assertThat(violations).as("invariant violations (seed %d):%n%s", settings.seed(), table).isEmpty();
        assertThat(runs).as("orders placed").isNotEmpty();
    }

    private static void inject(String fault, Settings settings, StackControl control, EventReplay replay,
            Traffic traffic) {
        // faults.pace scales how long the load runs before, during and after each fault (CI runs at 0.5).
        LongConsumer pause = seconds -> Waits.pause(
                Duration.ofMillis(Math.round(seconds * 1000 * settings.pace())));
        switch (fault) {
            case "kill" -> {
                pause.accept(8);
                int wave = settings.killWave();
                for (int i = 0; i < KILLED.size(); i += wave) {
                    control.killAndRestart(KILLED.subList(i, Math.min(KILLED.size(), i + wave)));
                    pause.accept(2);
                }
            }
            case "kafka", "postgres" -> {
                pause.accept(8);
                control.restart(fault);
                pause.accept(8);
            }
            case "psp" -> {
                pause.accept(5);
                control.pspFaults(0.0, "PT3S");
                pause.accept(20);
                control.pspFaults(0.5, "PT0S");
                pause.accept(20);
                control.pspFaults(0.0, "PT0S");
                pause.accept(5);
            }
            case "duplicates" -> {
                for (int round = 1; round <= 2; round++) {
                    pause.accept(8);
                    Set<String> ours = traffic.runs().stream().map(r -> r.orderId).collect(Collectors.toSet());
                    var records = replay.recordsOf(ours, Instant.now().minusSeconds(3), 200);
                    int sent = replay.republishReversed(records);
                    StackControl.say("re-published " + sent + " order-events records, newest first"
                            + (Boolean.getBoolean("faults.replayFreshIds") ? " (NEW event ids: negative control)" : " (same event ids)"));
                }
                pause.accept(8);
            }
            default -> throw new IllegalArgumentException(fault);
        }
    }

    private static List<Violation> evaluate(InvariantCheck check, Traffic traffic, List<OrderRun> runs,
            Map<String, List<String>> productsByPhase, Map<String, Integer> onHandAtStart,
            Map<String, Long> parkedAtStart, boolean countImap) {
        check.refresh(runs);
        List<Violation> found = new ArrayList<>();
        found.addAll(check.orders(runs));
        found.addAll(check.stock(productsByPhase, onHandAtStart, runs));
        found.addAll(check.loyalty(traffic.shoppers));
        found.addAll(check.mails(traffic.shoppers, countImap));
        found.addAll(check.outboxes(parkedAtStart));
        return found;
    }

    private static List<Report.Row> rows(Settings settings, Traffic traffic, List<OrderRun> runs,
            List<Violation> violations, Map<String, String> faultTimes) {
        List<Report.Row> rows = new ArrayList<>();
        List<String> phases = new ArrayList<>(settings.only());
        phases.add(InvariantCheck.GLOBAL);
        for (String phase : phases) {
            Map<String, Integer> states = new HashMap<>();
            int orders = 0;
            for (OrderRun run : runs) {
                if (run.phase.equals(phase)) {
                    orders++;
                    String status = run.status();
                    JsonNode reason = run.view == null ? null : run.view.get("rejectionReason");
                    if ("REJECTED".equals(status) && reason != null && !reason.isNull()) {
                        status += " " + reason.asString();
                    }
                    states.merge(status, 1, Integer::sum);
                }
            }
            int errors = traffic.clientErrorsByPhase.getOrDefault(phase, List.of()).size();
            int count = (int) violations.stream().filter(v -> v.phase().equals(phase)).count();
            String label = phase.equals(InvariantCheck.GLOBAL) ? "(all: outboxes, dead letters)" : label(phase);
            rows.add(new Report.Row(label, orders, states, errors, count, faultTimes.getOrDefault(phase, "-")));
        }
        return rows;
    }

    private static String label(String fault) {
        return switch (fault) {
            case "kill" -> "kill -9 each service, restart";
            case "kafka" -> "Kafka restart";
            case "postgres" -> "PostgreSQL restart";
            case "psp" -> "payment provider 3 s slow, then 50% failing";
            case "duplicates" -> "order events duplicated, newest first";
            default -> fault;
        };
    }

    private static String createProduct(Http http, String admin, String name, String price) {
        Response created = http.retrying("POST", "/api/products", admin, Map.of(
                "sku", "FAULT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                "name", name,
                "description", "Made by the fault-injection suite",
                "category", "e2e",
                "price", Map.of("amount", price, "currency", "EUR"),
                "available", START_STOCK));
        assertThat(created.status()).as("create product: %s", created.describe()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void safely(Runnable action) {
        try {
            action.run();
        }
        catch (RuntimeException ex) {
            StackControl.say("ignored: " + ex);
        }
    }

    private static void writeReport(Settings settings, String report) {
        try {
            Files.createDirectories(settings.reportFile().getParent());
            Files.writeString(settings.reportFile(), report);
        }
        catch (IOException ex) {
            StackControl.say("cannot write " + settings.reportFile() + ": " + ex);
        }
    }
}
