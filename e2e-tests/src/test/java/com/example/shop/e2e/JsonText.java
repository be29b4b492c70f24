package com.example.shop.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * JSON written as text, so a test can put anything into a request body: a value that is not valid JSON
 * ({@code NaN}, {@code 01}), a lone surrogate as an escape ({@code "\ud800"}), a key twice. A Jackson writer would
 * refuse or repair most of that.
 */
final class JsonText {

    private JsonText() {
    }

    /** A JSON string literal; control characters, lone surrogates and line separators as {@code \\uXXXX}. */
    static String str(String value) {
        var out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            }
            else if (c < 0x20 || c == 0x2028 || c == 0x2029 || c == 0x7f
                    || (Character.isSurrogate(c) && !pairedHigh && !pairedLow)) {
                out.append(String.format("\\u%04x", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** An object of raw JSON values in the given order; a null value leaves the key out. */
    static String obj(Map<String, String> rawValues) {
        var out = new StringJoiner(",", "{", "}");
        rawValues.forEach((key, raw) -> {
            if (raw != null) {
                out.add(str(key) + ":" + raw);
            }
        });
        return out.toString();
    }

    /** {@code obj("a", raw, "b", raw, ...)}. */
    static String obj(String... keysAndRawValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndRawValues.length; i += 2) {
            map.put(keysAndRawValues[i], keysAndRawValues[i + 1]);
        }
        return obj(map);
    }

    static String arr(String... rawValues) {
        return "[" + String.join(",", rawValues) + "]";
    }
}
