import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { statsChartOption } from '../../shared/charts/statsChartOption.js';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/** The value axis labels as ECharts draws them (server-side SVG, the same layout as the canvas). */
function axisLabels(option: echarts.EChartsCoreOption): string[] {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 260 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).filter((s) => /^\d+(\.\d+)?$/.test(s));
}

describe('ticket statistics charts', () => {
  it('a month with 1 or 2 tickets per kind has whole-number ticks, never 0.5', () => {
    const option = statsChartOption({
      title: '按类型',
      categories: ['报修', '投诉', '咨询'],
      series: [{ name: '件数', data: [1, 0, 2] }],
    });
    const labels = axisLabels(option);
    expect(labels).toEqual(expect.arrayContaining(['0', '1', '2']));
    expect(labels.filter((l) => l.includes('.'))).toEqual([]);
  });

  it('without the rule ECharts would tick halves for the same data (the check can fail)', () => {
    const option = statsChartOption({
      title: '按类型',
      categories: ['报修', '投诉', '咨询'],
      series: [{ name: '件数', data: [1, 0, 2] }],
    });
    const loose = { ...option, yAxis: { type: 'value' } };
    expect(axisLabels(loose)).toContain('0.5');
  });
});
