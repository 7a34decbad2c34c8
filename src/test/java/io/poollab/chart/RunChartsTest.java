package io.poollab.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The live charts' drawing cost: what made a long run's redraws stall the FX thread, kept from coming back. */
class RunChartsTest {

    private static RunSample sample(long elapsedMs) {
        SideSample side = new SideSample(3, 1, 0, 4, 4, 0.05, 0.4, 1.5, 3.0, 10, 0, 0, 5);
        return new RunSample(elapsedMs, elapsedMs * 40, elapsedMs * 4_000, 40_000, 4, side, side);
    }

    private static RunCharts chartsWith(int samples) {
        RunSeries series = new RunSeries();
        for (int i = 1; i <= samples; i++) {
            series.add(sample(i * 250L));
        }
        Markers.of(1_000, "resize", "source pool resized: maximumPoolSize 4 → 8").ifPresent(series::addMarker);
        return new RunCharts(series, ChartTheme.LIGHT);
    }

    @Test
    void eachChangeRedrawsTheChartOnce() {
        RunCharts charts = chartsWith(50);
        AtomicInteger redraws = new AtomicInteger();
        charts.chart().addChangeListener(e -> redraws.incrementAndGet());

        charts.refresh();
        assertThat(redraws).as("a refresh with 9 datasets and a new marker").hasValue(1);
        assertThat(charts.markersDrawn()).isEqualTo(1);

        charts.setWaitVisible(false, true);
        charts.setLogWait(true);
        charts.applyTheme(ChartTheme.DARK);
        charts.scaleFonts(2f);
        assertThat(redraws).as("one redraw for each of the four changes").hasValue(5);
    }

    @Test
    void theStackedAreasRecordNoEntitiesButThePlotsKeepTheirDataAreas() {
        RunCharts charts = chartsWith(400);
        charts.refresh();
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = new BufferedImage(1400, 640, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        charts.chart().draw(g, new Rectangle2D.Double(0, 0, 1400, 640), info);
        g.dispose();

        List<XYPlot> plots = ((CombinedDomainXYPlot) charts.chart().getPlot()).getSubplots();
        List<XYDataset> stacked = plots.stream().filter(p -> p.getRenderer(0) instanceof PlainAreaRenderer)
                .map(p -> p.getDataset(0)).toList();
        assertThat(stacked).as("the pools' and the servers' stacked areas").hasSize(4);
        List<XYDataset> withEntities = info.getEntityCollection().getEntities().stream()
                .filter(XYItemEntity.class::isInstance).map(e -> ((XYItemEntity) e).getDataset()).toList();
        // By identity: JFreeChart datasets compare equal by their contents' shape.
        assertThat(withEntities).noneMatch(d -> stacked.stream().anyMatch(s -> s == d));
        assertThat(info.getPlotInfo().getSubplotCount()).isEqualTo(plots.size());
        for (int i = 0; i < plots.size(); i++) {
            assertThat(info.getPlotInfo().getSubplotInfo(i).getDataArea().getWidth()).isGreaterThan(1000);
        }
        assertThat(withEntities).as("the line charts still record theirs: entities were asked for").isNotEmpty();
    }
}
