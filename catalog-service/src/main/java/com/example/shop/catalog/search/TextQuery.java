package com.example.shop.catalog.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what a customer typed into a PostgreSQL tsquery in which every word is a prefix and all words must
 * match: {@code "Organic tee"} becomes {@code 'organic':* & 'tee':*}.
 *
 * <p>Only letters, digits and inner dashes survive, and every word is quoted, so no tsquery operator
 * ({@code & | ! : * ( ) <->} or quotes) from the input ever reaches {@code to_tsquery}: hostile input cannot
 * make the query fail, it only finds less.
 */
public final class TextQuery {

    static final int MAX_WORDS = 8;
    static final int MAX_WORD_LENGTH = 40;

    private TextQuery() {
    }

    /** The tsquery text, or empty when the input has no word at all (which matches nothing). */
    public static Optional<String> of(String input) {
        List<String> words = new ArrayList<>();
        for (String raw : input.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+")) {
            String word = raw.replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
            if (word.length() > MAX_WORD_LENGTH) {
                word = word.substring(0, MAX_WORD_LENGTH).replaceAll("-+$", "");
            }
            if (!word.isEmpty() && !words.contains(word) && words.size() < MAX_WORDS) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" & ", words.stream().map(w -> "'" + w + "':*").toList()));
    }
}
