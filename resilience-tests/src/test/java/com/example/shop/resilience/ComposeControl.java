package com.example.shop.resilience;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hurts the compose deployment ({@code faults.control=compose}) on this machine's Docker engine. Only the
 * containers of one compose project ({@code faults.composeProject}) are touched, found by compose's labels.
 * A service dies the way a crash or the OOM killer ends it: its container's main process gets SIGKILL, and
 * the restart policy ({@code restart: unless-stopped}) brings the container back; {@code docker kill} would
 * count as an operator's stop, which Docker does not undo. Kafka and PostgreSQL are restarted with
 * {@code docker restart} (SIGTERM, then start), as an operator or a host update would.
 */
final class ComposeControl extends StackControl {

    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(240);
    private static final String STATE = "{{.State.Pid}}|{{.State.Running}}|{{.State.StartedAt}}|"
            + "{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}|{{.RestartCount}}|{{.Name}}";

    private final String project;

    ComposeControl(Settings settings) {
        super(settings);
        this.project = settings.composeProject();
    }

    private record State(long pid, boolean running, String startedAt, String health, int restarts, String name) {

        static State parse(String line) {
            String[] f = line.strip().split("\\|", -1);
            return new State(Long.parseLong(f[0]), Boolean.parseBoolean(f[1]), f[2], f[3], Integer.parseInt(f[4]),
                    f[5].replaceFirst("^/", ""));
        }

        boolean healthyAgainSince(State before) {
            return running && !startedAt.equals(before.startedAt) && health.equals("healthy");
        }
    }

    @Override
    void killAndRestart(List<String> services) {
        Map<String, State> before = new LinkedHashMap<>();
        for (String service : services) {
            for (String id : containers(service)) {
                State state = inspect(id);
                if (!state.running() || state.pid() <= 0) {
                    throw new IllegalStateException(state.name() + " is not running");
                }
                ProcessHandle process = ProcessHandle.of(state.pid())
                        .orElseThrow(() -> new IllegalStateException(state.name() + "'s pid " + state.pid() + " is gone"));
                // The image's entrypoint execs the JVM, so the container's main process is the service itself.
                String command = process.info().commandLine().orElse("");
                if (!command.contains("JarLauncher")) {
                    throw new IllegalStateException("pid " + state.pid() + " is not " + state.name() + "'s JVM: " + command);
                }
                say("kill -9 " + state.name() + "'s JVM (host pid " + state.pid() + ")");
                if (!process.destroyForcibly()) {
                    throw new IllegalStateException("cannot signal " + state.name() + "'s JVM (host pid " + state.pid()
                            + ", owned by uid 10001 in the image): compose mode has to run as root");
                }
                try {
                    process.onExit().get(15, TimeUnit.SECONDS);
                }
                catch (Exception ex) {
                    throw new IllegalStateException(state.name() + " did not die after SIGKILL", ex);
                }
                before.put(id, state);
            }
        }
        awaitHealthyAgain(before, "restart policy");
    }

    @Override
    void restart(String service) {
        Map<String, State> before = new LinkedHashMap<>();
        for (String id : containers(service)) {
            before.put(id, inspect(id));
            docker("restart", "-t", "30", id);
        }
        awaitHealthyAgain(before, "docker restart");
    }

    /** Bounded: every container has started anew (a new StartedAt) and passes its health check. */
    private void awaitHealthyAgain(Map<String, State> before, String how) {
        Instant started = Instant.now();
        Map<String, State> pending = new LinkedHashMap<>(before);
        boolean healthy = Waits.until(HEALTHY_WITHIN, Duration.ofSeconds(1), () -> {
            for (var it = pending.entrySet().iterator(); it.hasNext();) {
                var entry = it.next();
                State now = inspect(entry.getKey());
                if (now.healthyAgainSince(entry.getValue())) {
                    say(now.name() + " healthy again after " + Duration.between(started, Instant.now()).toSeconds()
                            + " s (" + how + ", restart count " + now.restarts() + ")");
                    it.remove();
                }
            }
            return pending.isEmpty();
        });
        if (!healthy) {
            List<String> names = pending.keySet().stream().map(id -> inspect(id).toString()).toList();
            throw new IllegalStateException("not healthy again within " + HEALTHY_WITHIN.toSeconds() + " s: " + names);
        }
    }

    private List<String> containers(String service) {
        String ids = docker("ps", "-q", "--no-trunc", "--filter", "label=com.docker.compose.project=" + project,
                "--filter", "label=com.docker.compose.service=" + service);
        List<String> found = Arrays.stream(ids.split("\\s+")).filter(s -> !s.isBlank()).toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("no running container of " + service + " in compose project " + project);
        }
        return found;
    }

    private State inspect(String id) {
        return State.parse(docker("inspect", "-f", STATE, id));
    }

    private String docker(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        Path out = null;
        try {
            // Output to a file, so a hanging docker call is still bounded by the wait below.
            out = Files.createTempFile("docker", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took over 90 s");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (!args[0].equals("inspect") && !args[0].equals("ps")) {
                Files.createDirectories(log.getParent());
                Files.writeString(log, "$ " + String.join(" ", command) + "\n" + output, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "): " + output.strip());
            }
            return output;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        finally {
            if (out != null) {
                out.toFile().delete();
            }
        }
    }
}
