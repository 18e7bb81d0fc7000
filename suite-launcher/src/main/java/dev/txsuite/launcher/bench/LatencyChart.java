package dev.txsuite.launcher.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The bench's chart (XChart): latency against achieved throughput, p50 and p99 of each system, one point per step.
 * A system's line bends back where it saturates: past that, a higher offered rate brings no more throughput, only
 * longer waits. The latency axis is logarithmic: the baseline's milliseconds and a saturated 3PC's seconds share it.
 */
final class LatencyChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;
    private static final Map<BenchSystem, Color> COLORS = Map.of(
            BenchSystem.BASELINE, new Color(0x1b9e77),
            BenchSystem.TWO_PC, new Color(0xd95f02),
            BenchSystem.THREE_PC, new Color(0x7570b3));

    private LatencyChart() {}

    static void write(Measurements measurements, Path png) {
        var chart = chart(
                "Latency against throughput (one point per step)",
                "achieved throughput (confirmed orders/s)",
                "latency of confirmed orders (ms, log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        for (var system : measurements.systems()) {
            var steps = steps(measurements, system);
            if (!steps.isEmpty()) {
                addSeries(chart, system, "p50", steps, StepResult.Latency::p50, SeriesLines.SOLID);
                addSeries(chart, system, "p99", steps, StepResult.Latency::p99, SeriesLines.DASH_DASH);
            }
        }
        save(chart, png);
    }

    /**
     * Confirmed orders a second against the offered rate, every step of each system (the sweep, the step at half the
     * baseline's saturation, the step at twice its own): the curve of a system that sheds its overload levels off
     * past its saturation rather than falling.
     */
    static void writeGoodput(Measurements measurements, Path png) {
        var chart = chart(
                "Confirmed orders against offered load (one point per step)",
                "offered (orders/s, log scale)",
                "confirmed (orders/s)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        for (var system : measurements.systems()) {
            var steps = new ArrayList<>(measurements.sweep(system).steps());
            Optional.ofNullable(measurements.atHalfBaselineRate().get(system)).ifPresent(steps::add);
            Optional.ofNullable(measurements.overloaded().get(system)).ifPresent(steps::add);
            if (steps.isEmpty() || !COLORS.containsKey(system)) {
                continue;
            }
            steps.sort(Comparator.comparingDouble(StepResult::offeredPerSecond));
            var series = chart.addSeries(
                    system.label(),
                    steps.stream().map(StepResult::offeredPerSecond).toList(),
                    steps.stream().map(StepResult::confirmedPerSecond).toList());
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineColor(COLORS.get(system));
            series.setMarkerColor(COLORS.get(system));
        }
        save(chart, png);
    }

    private static XYChart chart(String title, String xAxis, String yAxis) {
        // no display on a build machine: AWT draws into an image all the same
        System.setProperty("java.awt.headless", "true");
        var chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xAxis)
                .yAxisTitle(yAxis)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static void save(XYChart chart, Path png) {
        try (var file = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, file, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + png, e);
        }
    }

    /** The system's steps that confirmed something, the comparison step among them, by offered rate. */
    private static List<StepResult> steps(Measurements measurements, BenchSystem system) {
        var steps = new ArrayList<>(measurements.sweep(system).steps());
        var atHalf = measurements.atHalfBaselineRate().get(system);
        if (atHalf != null) {
            steps.add(atHalf);
        }
        return steps.stream()
                .filter(step -> step.latency().isPresent())
                .sorted(Comparator.comparingDouble(StepResult::offeredPerSecond))
                .toList();
    }

    private static void addSeries(
            XYChart chart,
            BenchSystem system,
            String percentile,
            List<StepResult> steps,
            ToLongFunction<StepResult.Latency> latency,
            BasicStroke line) {
        var throughput = steps.stream().map(StepResult::confirmedPerSecond).toList();
        // a log axis has no 0: an answer within the millisecond is drawn at 1 ms
        var millis = steps.stream()
                .map(step -> Math.max(1, latency.applyAsLong(step.latency().orElseThrow())))
                .toList();
        var series = chart.addSeries(system.label() + " " + percentile, throughput, millis);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineStyle(line);
        series.setLineColor(COLORS.get(system));
        series.setMarkerColor(COLORS.get(system));
    }
}
