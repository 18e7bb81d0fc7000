package dev.txsuite.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyChartTests {

    @Test
    void shouldDrawThePngTheReportShows(@TempDir Path folder) throws IOException {
        var png = folder.resolve(BenchmarkMarkdown.CHART);

        LatencyChart.write(Reports.measurements(), png);

        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(distinctColours(image)).as("a chart, not a blank page").isGreaterThan(10);
    }

    @Test
    void shouldDrawConfirmedAgainstOfferedWithTheOverloadSteps(@TempDir Path folder) throws IOException {
        var png = folder.resolve(BenchmarkMarkdown.GOODPUT_CHART);

        LatencyChart.writeGoodput(Reports.overloaded(Reports.measurements()), png);

        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(distinctColours(ImageIO.read(png.toFile()))).isGreaterThan(10);
    }

    private static long distinctColours(BufferedImage image) {
        var colours = new HashSet<Integer>();
        for (var x = 0; x < image.getWidth(); x += 2) {
            for (var y = 0; y < image.getHeight(); y += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
