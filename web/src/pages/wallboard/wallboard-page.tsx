/**
 * 大屏监控: the center's live wall board, full screen and dark, readable from across the room.
 * Today's figures for the lead's service area (or `?unitId=` one unit of it), refetched when the
 * server nudges; the clock, the longest wait and the times in state run on between refetches.
 */
import { Button, ConfigProvider, theme } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useWallboard } from '../../api/wallboard.ts';
import { LangSwitch } from '../../components/lang-switch.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { HourChart } from './wallboard-chart.tsx';
import { clockTime, longDate } from './wallboard-format.ts';
import { Kpis } from './wallboard-kpis.tsx';
import { AgentsPanel, OrdersPanel, OutagesPanel } from './wallboard-panels.tsx';
import './wallboard.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Figures older than this (a lost connection) are marked as not up to date. */
const STALE_MS = 90_000;

const DARK = {
  algorithm: theme.darkAlgorithm,
  token: { colorPrimary: '#2ec5d3', colorBgContainer: '#0d1b30', fontSize: 16 },
};

/** The time now, every second. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function useFullscreen(): [boolean, () => void] {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const sync = () => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', sync);
    return () => {
      document.removeEventListener('fullscreenchange', sync);
      // Leaving the board (the exit link) leaves full screen too: the app is not made for it.
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, []);
  const toggle = () => {
    // A browser may refuse (no user gesture, a kiosk policy): the board works as it is.
    const done = document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen();
    done.catch(() => undefined);
  };
  return [on, toggle];
}

export function WallboardPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const asked = params.get('unitId');
  const board = useWallboard(asked && UUID.test(asked) ? asked : null);
  const now = useNow();
  const [fullscreen, toggleFullscreen] = useFullscreen();
  const data = board.data;
  // How long ago the figures were taken: what keeps running in between is counted on from them.
  const age = data ? Math.max(0, (now - board.dataUpdatedAt) / 1000) : 0;
  const stale = data !== undefined && now - board.dataUpdatedAt > STALE_MS;
  const updated = data ? clockTime(new Date(data.at)) : '';

  return (
    <ConfigProvider theme={DARK}>
      <div className="wb" data-testid="wallboard" data-day={data?.day ?? ''}>
        <header className="wb-header">
          <div className="wb-title">
            <span className="wb-brand">连心 95598</span>
            {t('wallboard.title')}
            {data && (
              <span className="wb-area" data-testid="wb-area">
                {' · '}
                {data.area.name}
              </span>
            )}
          </div>
          <div
            className={`wb-updated ${stale || board.isError ? 'wb-stale' : ''}`}
            data-testid="wb-updated"
          >
            {board.isError && !data
              ? t('wallboard.loadFailed', { message: board.error.message })
              : stale || board.isError
                ? t('wallboard.stale', { time: updated })
                : data
                  ? t('wallboard.updated', { time: updated })
                  : ''}
          </div>
          <div>
            <div className="wb-clock" data-testid="wb-clock">
              {clockTime(new Date(now))}
            </div>
            <div className="wb-date">{longDate(new Date(now), lang)}</div>
          </div>
          <div className="wb-tools">
            <LangSwitch />
            <Button size="small" onClick={toggleFullscreen} data-testid="wb-fullscreen">
              {fullscreen ? t('wallboard.exitFullscreen') : t('wallboard.fullscreen')}
            </Button>
            <Link to="/" data-testid="wallboard-exit">
              {t('wallboard.exit')}
            </Link>
          </div>
        </header>
        {data ? (
          <>
            <Kpis board={data} ageSeconds={age} />
            <section className="wb-middle">
              <div className="wb-panel wb-chart">
                <div className="wb-panel-title">{t('wallboard.chart.title')}</div>
                <HourChart hours={data.hours} />
              </div>
              <AgentsPanel agents={data.agents} ageSeconds={age} />
            </section>
            <section className="wb-bottom">
              <OrdersPanel orders={data.orders} now={now} />
              <OutagesPanel outages={data.outages} />
            </section>
          </>
        ) : null}
      </div>
    </ConfigProvider>
  );
}
