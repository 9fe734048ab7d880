/**
 * A kiosk is a public machine: no text selection, no context menu, no page zoom, no
 * navigation away from the app. Returns a function that undoes it (tests, leaving kiosk mode).
 */
export function lockDown(root: HTMLElement = document.documentElement): () => void {
  root.classList.add('kiosk');
  const viewport = document.querySelector<HTMLMetaElement>('meta[name="viewport"]');
  const previousViewport = viewport?.content;
  if (viewport)
    viewport.content = 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no';

  const prevent = (event: Event) => event.preventDefault();
  const preventZoomKeys = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && ['+', '-', '=', '0'].includes(event.key))
      event.preventDefault();
  };
  const preventCtrlWheel = (event: WheelEvent) => {
    if (event.ctrlKey) event.preventDefault();
  };
  // Links that would leave the app or open a window stay inert on a kiosk: only a change of
  // the `#` route (the app's own navigation) may happen. Panels already render links as text;
  // this is the net under them (PSV's own markup, anything added later).
  const blockExternal = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!link) return;
    const to = new URL(link.href, location.href);
    const here = new URL(location.href);
    const sameApp =
      to.origin === here.origin && to.pathname === here.pathname && to.search === here.search;
    if (!sameApp || (link.target && link.target !== '_self') || link.hasAttribute('download'))
      event.preventDefault();
  };
  const listeners: Array<[string, EventListener, AddEventListenerOptions]> = [
    ['contextmenu', prevent, { capture: true }],
    ['selectstart', prevent, { capture: true }],
    ['gesturestart', prevent, { capture: true }],
    ['keydown', preventZoomKeys as EventListener, { capture: true }],
    ['wheel', preventCtrlWheel as EventListener, { capture: true, passive: false }],
    ['click', blockExternal as EventListener, { capture: true }],
  ];
  for (const [type, listener, options] of listeners)
    document.addEventListener(type, listener, options);
  const openWindow = window.open;
  window.open = () => null;

  return () => {
    root.classList.remove('kiosk');
    if (viewport && previousViewport !== undefined) viewport.content = previousViewport;
    for (const [type, listener, options] of listeners)
      document.removeEventListener(type, listener, options);
    window.open = openWindow;
  };
}
