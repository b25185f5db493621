/** 大屏监控: the center's live wall board (being built). */
export function WallboardPage() {
  return <div data-testid="wallboard" />;
}
