import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { statsChartOption, type StatsChartData } from '../../../../../shared/charts/statsChartOption';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/**
 * A report's bar chart (the desk statistics' option, shared/charts), drawn again at the paper's width when the
 * page is printed and back at the screen's after, so an A4 print holds the whole chart.
 */
export function ReportChart(props: StatsChartData & { testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { title, categories, series, max } = props;
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(statsChartOption({ title, categories, series, max }));
    const resize = () => chart.resize();
    const events = ['resize', 'beforeprint', 'afterprint'] as const;
    for (const e of events) window.addEventListener(e, resize);
    return () => {
      for (const e of events) window.removeEventListener(e, resize);
      chart.dispose();
    };
  }, [title, categories, series, max]);
  return <div ref={ref} className="reports-chart" style={{ height: 260, width: '100%' }} data-testid={props.testId} />;
}
