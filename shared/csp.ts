// One Content-Security-Policy for every way the renderer is loaded: the HTTP
// header in serve mode, the response header in Electron, and the <meta> tag.
// Mantine injects <style> tags, hence 'unsafe-inline' for styles only.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'", // the browser prints slips from a same-origin iframe
].join('; ');
