package com.example.shop.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The table the suite prints and writes: per fault, orders placed, final states and violations. */
final class Report {

    record Row(String fault, int orders, Map<String, Integer> states, int clientErrors, int violations,
            String duration) {
    }

    private Report() {
    }

    static String table(List<Row> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] { "fault", "orders placed", "final states", "client errors", "violations", "fault time" });
        for (Row row : rows) {
            StringBuilder states = new StringBuilder();
            new TreeMap<>(row.states()).forEach((s, n) -> states.append(states.isEmpty() ? "" : ", ").append(s).append(' ').append(n));
            cells.add(new String[] { row.fault(), String.valueOf(row.orders()), states.isEmpty() ? "-" : states.toString(),
                    String.valueOf(row.clientErrors()), String.valueOf(row.violations()), row.duration() });
        }
        int[] width = new int[cells.get(0).length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            out.append('|');
            for (int i = 0; i < width.length; i++) {
                out.append(' ').append(String.format("%-" + width[i] + "s", cells.get(r)[i])).append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|');
                for (int w : width) {
                    out.append('-').append("-".repeat(w)).append("-|");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
