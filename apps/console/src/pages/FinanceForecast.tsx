import { Alert, InputNumber, Space, Table, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, refusalText, type Schemas } from '../api/client';
import { useEchart } from '../echart';
import { useI18n, useWords } from '../i18n';
import { MonthPicker, thisMonth } from '../MonthPicker';
import { fill } from '../fill';
import { yuan } from '../money';
import { words } from './Finance.words';

// Only what the chart uses: echarts' core, the bar chart, its grid, legend and tooltip, drawn on canvas.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Month = Schemas['ForecastMonthDto'];
const SERIES = ['bonus', 'subsidy', 'studioGrant'] as const;
const COLOURS = ['#b7280f', '#d48806', '#1d39c4'];

/** GET /finance/forecast: the money committed month by month, as a stacked bar chart and the same figures as a table. */
export function FinanceForecast() {
  const w = useWords(words);
  const { name } = useI18n();
  // The months' series are camelCase (studioGrant); the payment kind's code is studio_grant.
  const kindName = (s: (typeof SERIES)[number]) => name('paymentKind', s === 'studioGrant' ? 'studio_grant' : s);
  const [from, setFrom] = useState(thisMonth());
  const [months, setMonths] = useState(12);
  const [forecast, setForecast] = useState<Schemas['ForecastDto'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chartRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void api.GET('/finance/forecast', { params: { query: { from, months } } }).then(({ data, error: refused }) => {
      if (data) {
        setForecast(data);
        setError(null);
      } else setError(refusalText(refused));
    });
  }, [from, months]);

  const option = useMemo(
    () =>
      forecast
        ? {
            color: COLOURS,
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 80, right: 20, top: 40, bottom: 30 },
            xAxis: { type: 'category', data: forecast.months.map((m) => m.month) },
            yAxis: { type: 'value', name: w.total },
            series: SERIES.map((s) => ({
              name: kindName(s),
              type: 'bar',
              stack: 'total',
              data: forecast.months.map((m) => m[s].fen / 100),
            })),
          }
        : null,
    [forecast, w],
  );
  useEchart(chartRef, option);

  const undated = forecast?.undated.bonus;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <MonthPicker id="forecast-from" label={w.forecastFrom} value={from} onChange={(m) => m && setFrom(m)}>
        <label htmlFor="forecast-months">{w.forecastMonths}</label>
        <InputNumber id="forecast-months" min={1} max={60} value={months} onChange={(n) => n && setMonths(n)} />
      </MonthPicker>
      {error && <Alert type="error" showIcon role="alert" message={`${w.loadFailed}: ${error}`} />}
      {forecast && (
        <>
          <Typography.Text strong>{fill(w.forecastTotal, { amount: yuan(forecast.totals.totalFen) })}</Typography.Text>
          {undated && undated.count > 0 && <Alert type="info" showIcon message={fill(w.undated, { count: undated.count, amount: yuan(undated.fen) })} />}
        </>
      )}
      <div ref={chartRef} role="img" aria-label={w.forecastChart} style={{ width: '100%', height: 360 }} />
      <Table<Month>
        size="small"
        rowKey="month"
        loading={!forecast && !error}
        dataSource={forecast?.months ?? []}
        pagination={false}
        columns={[
          { title: w.monthCol, dataIndex: 'month', key: 'month' },
          ...SERIES.map((s) => ({ title: kindName(s), key: s, align: 'right' as const, render: (_: unknown, m: Month) => yuan(m[s].fen) })),
          { title: w.total, key: 'total', align: 'right', render: (_, m) => yuan(m.totalFen) },
        ]}
      />
    </Space>
  );
}
