import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { statsChartOption } from '../../../../shared/charts/statsChartOption';

// Only the parts the charts use: a bar chart on a canvas.
echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/** A bar chart rendered into a div: one or more series over the same categories. */
export function StatsChart(props: {
  title: string;
  categories: string[];
  series: { name: string; data: number[] }[];
  max?: number;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { title, categories, series, max } = props;
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(statsChartOption({ title, categories, series, max }));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [title, categories, series, max]);
  return <div ref={ref} style={{ height: 260, width: '100%' }} data-testid={props.testId} />;
}
