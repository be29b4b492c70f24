package com.example.shop.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * A valid JSON request body of one endpoint, field by field, with the values each field must refuse according to
 * the endpoint's documented contract. From it come bodies that are invalid for sure ({@link #refused()}: at least
 * one field broken in a documented way, other fields carrying arbitrary hostile noise) and bodies of pure noise
 * ({@link #noisy()}), which may or may not be accepted.
 */
final class BodyShape {

    /** Leaves the field out of the body. */
    static final String OMIT = "\u0000omit";

    /**
     * @param valid   the field's valid value as raw JSON
     * @param scalar  a string, number or boolean (so an object or array is invalid for sure)
     * @param invalid raw JSON values the contract refuses ({@link #OMIT} to leave a required field out)
     */
    record Field(String name, String valid, boolean required, boolean scalar, List<String> invalid) {
    }

    /** A body as bytes with its Content-Type and a description of what was done to it. */
    record Mutated(byte[] bytes, String contentType, String what) {

        static Mutated json(String text, String what) {
            return new Mutated(text.getBytes(StandardCharsets.UTF_8), "application/json", what);
        }
    }

    private final List<Field> fields;

    BodyShape(Field... fields) {
        this.fields = List.of(fields);
    }

    static Field required(String name, String valid, String... invalid) {
        return new Field(name, valid, true, true, withOmitted(invalid));
    }

    static Field optional(String name, String valid, String... invalid) {
        return new Field(name, valid, false, true, List.of(invalid));
    }

    /** A required object or array field: only the listed values are refused for sure. */
    static Field requiredStructure(String name, String valid, String... invalid) {
        return new Field(name, valid, true, false, withOmitted(invalid));
    }

    static Field optionalStructure(String name, String valid, String... invalid) {
        return new Field(name, valid, false, false, List.of(invalid));
    }

    private static List<String> withOmitted(String... invalid) {
        var all = new ArrayList<>(List.of(invalid));
        all.add(OMIT);
        all.add("null");
        return all;
    }

    String valid() {
        var body = new LinkedHashMap<String, String>();
        fields.forEach(f -> body.put(f.name(), f.valid()));
        return JsonText.obj(body);
    }

    /**
     * Bodies the endpoint must refuse: one field broken as its contract says it must not be, maybe a second one,
     * noise on another, sometimes fields nobody asked for (roles, ids); or, when the shape has a required field, a
     * whole body that is not JSON of the shape at all.
     */
    Arbitrary<Mutated> refused() {
        Arbitrary<Mutated> oneBroken = Arbitraries.integers().between(0, fields.size() - 1).flatMap(index -> {
            Field broken = fields.get(index);
            return Combinators.combine(breakage(broken), noise(index), extraField())
                    .as((bad, noise, extra) -> {
                        var body = new LinkedHashMap<String, String>();
                        fields.forEach(f -> body.put(f.name(), f.valid()));
                        body.put(broken.name(), bad);
                        String what = broken.name() + "=" + describe(bad);
                        if (noise.isPresent()) {
                            body.put(noise.get().get1(), noise.get().get2());
                            what += ", noise " + noise.get().get1() + "=" + describe(noise.get().get2());
                        }
                        // An extra field must not replace the broken one (an extra "price" would mend a broken price).
                        if (extra.isPresent() && !body.containsKey(extra.get().get1())) {
                            body.put(extra.get().get1(), extra.get().get2());
                            what += ", extra " + extra.get().get1();
                        }
                        return Mutated.json(render(body), what);
                    });
        });
        boolean anyRequired = fields.stream().anyMatch(Field::required);
        if (!anyRequired) {
            return oneBroken;
        }
        Arbitrary<Mutated> wholeBody = Hostile.brokenBodies()
                .map(b -> new Mutated(b.bytes(), b.contentType(), "whole body: " + b.what()));
        return Arbitraries.frequencyOf(Tuple.of(7, oneBroken), Tuple.of(1, wholeBody));
    }

    /** Bodies of pure noise: fields with hostile values or left out, unknown fields; acceptance is allowed. */
    Arbitrary<Mutated> noisy() {
        Arbitrary<Mutated> fieldNoise = Combinators.combine(noise(-1), noise(-1), extraField()).as((a, b, extra) -> {
            var body = new LinkedHashMap<String, String>();
            fields.forEach(f -> body.put(f.name(), f.valid()));
            String what = "";
            for (Optional<Tuple.Tuple2<String, String>> noise : List.of(a, b, extra)) {
                if (noise.isPresent()) {
                    body.put(noise.get().get1(), noise.get().get2());
                    what += noise.get().get1() + "=" + describe(noise.get().get2()) + " ";
                }
            }
            return Mutated.json(render(body), what.isEmpty() ? "valid" : what.trim());
        });
        Arbitrary<Mutated> wholeBody = Hostile.brokenBodies()
                .map(b -> new Mutated(b.bytes(), b.contentType(), "whole body: " + b.what()));
        return Arbitraries.frequencyOf(Tuple.of(5, fieldNoise), Tuple.of(1, wholeBody));
    }

    private Arbitrary<String> breakage(Field field) {
        List<Arbitrary<String>> options = new ArrayList<>();
        if (!field.invalid().isEmpty()) {
            options.add(Arbitraries.of(field.invalid()));
        }
        if (field.scalar()) {
            options.add(Hostile.notAScalar());
        }
        if (options.isEmpty()) {
            throw new IllegalStateException("field " + field.name() + " has no invalid value");
        }
        return Arbitraries.oneOf(options);
    }

    /** Nothing half of the time; else another field with a hostile value or left out. */
    private Arbitrary<Optional<Tuple.Tuple2<String, String>>> noise(int exceptIndex) {
        List<Field> others = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (i != exceptIndex) {
                others.add(fields.get(i));
            }
        }
        if (others.isEmpty()) {
            return Arbitraries.just(Optional.empty());
        }
        Arbitrary<Tuple.Tuple2<String, String>> some = Combinators.combine(Arbitraries.of(others),
                Arbitraries.frequencyOf(Tuple.of(8, Hostile.jsonValues()), Tuple.of(1, Arbitraries.just(OMIT))))
                .as((field, value) -> Tuple.of(field.name(), value));
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Optional.empty())), Tuple.of(1, some.map(Optional::of)));
    }

    /** Fields a client has no business setting: roles, ids, statuses, prototype pollution. */
    private static Arbitrary<Optional<Tuple.Tuple2<String, String>>> extraField() {
        Arbitrary<Tuple.Tuple2<String, String>> extra = Arbitraries.of(
                Tuple.of("roles", "[\"ADMIN\"]"), Tuple.of("id", JsonText.str(UUID.randomUUID().toString())),
                Tuple.of("customerId", JsonText.str(UUID.randomUUID().toString())), Tuple.of("status", "\"DELIVERED\""),
                Tuple.of("__proto__", "{\"admin\":true}"), Tuple.of("\u0000", "1"), Tuple.of("", "\"\""),
                Tuple.of("admin", "true"), Tuple.of("price", "{\"amount\":\"0.00\",\"currency\":\"EUR\"}"));
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Optional.empty())), Tuple.of(1, extra.map(Optional::of)));
    }

    private static String render(Map<String, String> body) {
        var kept = new LinkedHashMap<String, String>();
        body.forEach((k, v) -> {
            if (!OMIT.equals(v)) {
                kept.put(k, v);
            }
        });
        return JsonText.obj(kept);
    }

    private static String describe(String raw) {
        return OMIT.equals(raw) ? "(left out)" : Findings.abbreviate(raw, 60);
    }
}
