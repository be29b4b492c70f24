package com.example.shop.e2e;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.example.shop.e2e.Findings.Violation;

/**
 * The one place where the bad-input suite may tolerate a violation it found: a finding that has been reported and
 * waits for its fix, with an id to quote, where the fix belongs, and a predicate that matches only that cause (the
 * kind of violation, the answer's shape and the trait of the request that triggers it). A violation listed here is
 * still counted and written to {@code target/bad-input-report.md} under "Known findings hit", never silently
 * skipped; anything else fails the property.
 *
 * <p>Empty: the eight findings of the first runs (issue 7: 500s for undecodable or firewall-rejected input and for
 * far instants in the admin order search, bare 400/414/431 from the gateway's codec and firewall, Tomcat's HTML
 * pages, Boot's error JSON, lost problem bodies for odd Accept headers, a Java array in a detail, fractional cart
 * quantities) are fixed, and the suite guards them. Add an entry only together with a reported finding, and
 * delete it with the fix.
 */
final class KnownFindings {

    /** A reported finding: an id to quote, why and where it is to be fixed, and the violations it covers. */
    record Known(String id, String reason, Predicate<Violation> matches) {
    }

    private static final List<Known> KNOWN = List.of();

    private KnownFindings() {
    }

    static Optional<Known> explain(Violation violation) {
        return KNOWN.stream().filter(known -> known.matches().test(violation)).findFirst();
    }
}
