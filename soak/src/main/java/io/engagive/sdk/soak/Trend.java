package io.engagive.sdk.soak;

import java.util.ArrayList;
import java.util.List;

/**
 * A figure sampled over a run (heap after GC, threads, descriptors) and its least-squares trend, over the samples
 * after the first quarter of the run (warm-up: pools and bounded buffers filling).
 */
final class Trend {

    private final String name;
    private final String unit;
    private final double allowedGrowth;
    private final List<double[]> samples = new ArrayList<>();

    Trend(String name, String unit, double allowedGrowth) {
        this.name = name;
        this.unit = unit;
        this.allowedGrowth = allowedGrowth;
    }

    synchronized void add(double seconds, double value) {
        samples.add(new double[] {seconds, value});
    }

    /** The fitted change per minute over the measured window. */
    synchronized double slopePerMinute() {
        List<double[]> window = window();
        if (window.size() < 3) {
            return 0;
        }
        double meanX = window.stream().mapToDouble(sample -> sample[0]).average().orElse(0);
        double meanY = window.stream().mapToDouble(sample -> sample[1]).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (double[] sample : window) {
            covariance += (sample[0] - meanX) * (sample[1] - meanY);
            variance += (sample[0] - meanX) * (sample[0] - meanX);
        }
        return variance == 0 ? 0 : covariance / variance * 60;
    }

    /** The fitted change over the measured window. */
    synchronized double fittedGrowth() {
        List<double[]> window = window();
        return window.size() < 3 ? 0 : slopePerMinute() / 60 * (window.get(window.size() - 1)[0] - window.get(0)[0]);
    }

    boolean flat() {
        return fittedGrowth() <= allowedGrowth;
    }

    synchronized String describe() {
        List<double[]> window = window();
        double first = window.isEmpty() ? 0 : window.get(0)[1];
        double last = window.isEmpty() ? 0 : window.get(window.size() - 1)[1];
        return String.format("%-34s %10.1f → %10.1f %-5s trend %+9.2f %s/min, fitted %+9.1f over %d samples (allowed %+.0f): %s",
                name, first, last, unit, slopePerMinute(), unit, fittedGrowth(), window.size(), allowedGrowth,
                flat() ? "flat" : "GROWING");
    }

    private List<double[]> window() {
        if (samples.isEmpty()) {
            return List.of();
        }
        double end = samples.get(samples.size() - 1)[0];
        return samples.stream().filter(sample -> sample[0] >= end / 4).toList();
    }
}
