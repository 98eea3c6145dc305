package org.creativecities.plugins.gastronomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the ballots on a dish add up to: for each criterion, how many gave each score (the histogram), and the
 * averages. Carries no names. Immutable.
 *
 * @param ballots  how many members rated the dish
 * @param criteria one entry per criterion, in the tasting's order
 */
public record Results(int ballots, List<Criterion> criteria) {

    public Results {
        criteria = List.copyOf(criteria);
    }

    /** Counts the ballots (a ballot without a score for a criterion does not count for it). */
    public static Results of(List<String> criteria, Collection<Tasting.Ballot> ballots) {
        List<Criterion> out = new ArrayList<>();
        for (String c : criteria) {
            int[] counts = new int[Tasting.SCALE];
            for (Tasting.Ballot b : ballots) {
                Integer s = b.scores().get(c);
                if (s != null && s >= 1 && s <= Tasting.SCALE) {
                    counts[s - 1]++;
                }
            }
            out.add(new Criterion(c, java.util.Arrays.stream(counts).boxed().toList()));
        }
        return new Results(ballots.size(), out);
    }

    /** The mean of the criteria's averages, to one decimal; empty before anyone rated. */
    public Optional<Double> score() {
        List<Double> averages = criteria.stream().map(Criterion::average).flatMap(Optional::stream).toList();
        return averages.isEmpty() ? Optional.empty()
                : Optional.of(round(averages.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /**
     * One criterion's histogram.
     *
     * @param name   the criterion
     * @param counts how many gave 1, 2, … {@value Tasting#SCALE} (index 0 is the score 1)
     */
    public record Criterion(String name, List<Integer> counts) {

        public Criterion {
            counts = List.copyOf(counts);
        }

        /** How many scores were given. */
        public int total() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }

        /** The average score, to one decimal; empty when nobody scored it. */
        public Optional<Double> average() {
            int total = total();
            if (total == 0) {
                return Optional.empty();
            }
            long sum = 0;
            for (int i = 0; i < counts.size(); i++) {
                sum += (long) (i + 1) * counts.get(i);
            }
            return Optional.of(round((double) sum / total));
        }
    }
}
