package com.example.shop.psp.faults;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import com.example.shop.psp.SimulatorProperties;

/**
 * The injected faults in effect: they start from {@code psp.latency} and {@code psp.failure-rate} and can be
 * changed while the simulator runs ({@code PUT /simulator/faults}), so one simulator serves a fault test and
 * the tests around it.
 */
@Component
public class FaultSettings {

    /** Longer would only hang clients; a fault test wants a few seconds at most. */
    public static final Duration MAX_LATENCY = Duration.ofMinutes(5);

    private volatile Faults current;

    public FaultSettings(SimulatorProperties properties) {
        this.current = new Faults(properties.failureRate(), properties.latency());
    }

    public Faults current() {
        return current;
    }

    /**
     * Puts new faults in effect for the requests that arrive from now on.
     *
     * @throws InvalidFaults 400 when the rate is not within 0.0 to 1.0 or the latency not within 0 to
     *     {@link #MAX_LATENCY}
     */
    public Faults change(Faults faults) {
        if (!(faults.failureRate() >= 0.0 && faults.failureRate() <= 1.0)) {
            throw new InvalidFaults("failureRate must be between 0.0 and 1.0, was " + faults.failureRate() + ".");
        }
        if (faults.latency().isNegative() || faults.latency().compareTo(MAX_LATENCY) > 0) {
            throw new InvalidFaults("latency must be between PT0S and " + MAX_LATENCY + ", was " + faults.latency() + ".");
        }
        current = faults;
        return faults;
    }

    /**
     * One set of faults.
     *
     * @param failureRate share of {@code /v1/**} requests answered 500 {@code api_error}, 0.0 to 1.0
     * @param latency     added to every {@code /v1/**} request
     */
    public record Faults(double failureRate, Duration latency) {
    }

    /** 400 problem: the faults asked for make no sense. */
    public static final class InvalidFaults extends ErrorResponseException {

        public InvalidFaults(String detail) {
            super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
        }
    }
}
