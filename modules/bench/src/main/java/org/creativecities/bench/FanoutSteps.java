package org.creativecities.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fan-out's rows read as steps: each step's runs, which steps passed, and the highest rate passed. */
final class FanoutSteps {

    private FanoutSteps() {
    }

    /** One fan-out step of one server: its runs, in order. */
    record Step(List<Map<String, String>> runs) {

        boolean passed() {
            return passes() == runs.size();
        }

        long passes() {
            return runs.stream().filter(r -> Boolean.parseBoolean(r.get("pass"))).count();
        }

        /** The median over the runs of a number; NaN if no run has it. */
        double median(String key) {
            List<Double> values = runs.stream().map(r -> r.getOrDefault(key, "")).filter(v -> !v.isBlank())
                    .map(Double::parseDouble).toList();
            return values.isEmpty() ? Double.NaN : Bench.median(values);
        }

        long total(String key) {
            return runs.stream().mapToLong(r -> Long.parseLong(r.get(key))).sum();
        }

        String each(String key) {
            return String.join(" / ", runs.stream().map(r -> r.get(key)).toList());
        }
    }

    /** One server's fan-out rows (one receiver count) grouped by step, in order. */
    static List<Step> steps(List<Map<String, String>> rows) {
        Map<String, List<Map<String, String>>> bySteps = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            bySteps.computeIfAbsent(rows.get(i).getOrDefault("step", "#" + i), k -> new ArrayList<>()).add(rows.get(i));
        }
        return bySteps.values().stream().map(Step::new).toList();
    }

    static Map<String, String> first(List<Step> steps) {
        return steps.get(0).runs().get(0);
    }

    static List<Map<String, String>> allRuns(List<Step> steps) {
        return steps.stream().flatMap(s -> s.runs().stream()).toList();
    }

    /** The index of the last step both servers passed in all its runs; -1 if none. */
    static int lastPassedByBoth(List<Step> ccc, List<Step> ws) {
        int last = -1;
        for (int i = 0; i < Math.min(ccc.size(), ws.size()) && ccc.get(i).passed() && ws.get(i).passed(); i++) {
            last = i;
        }
        return last;
    }

    static List<Map<String, String>> only(List<Map<String, String>> rows, String target) {
        return rows.stream().filter(r -> target.equals(r.get("target"))).toList();
    }

    /** The delivered msgs/s (median of the runs) of the last step passed in all its runs; 0 if none passed. */
    static double maxSustainable(List<Step> steps) {
        return lastPassed(steps, "deliveredPerSec");
    }

    /** The offered msgs/s of the last step passed in all its runs; 0 if none passed. */
    static double highestPassedOffered(List<Step> steps) {
        return lastPassed(steps, "offeredPerSec");
    }

    private static double lastPassed(List<Step> steps, String field) {
        double best = 0;
        for (Step s : steps) {
            if (!s.passed()) {
                break;
            }
            best = s.median(field);
        }
        return best;
    }
}
