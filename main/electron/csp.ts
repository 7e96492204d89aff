/**
 * The window's Content-Security-Policy: only the app's own scripts, no inline script, no
 * remote anything; pictures and media also from the trove: scheme (file bytes, thumbnails)
 * and from data:/blob: URLs the renderer makes itself (upload previews).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' trove: data: blob:",
  "media-src 'self' trove:",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/**
 * What a file's bytes (and its renditions) are served with: an uploaded HTML or SVG opened as
 * a page runs no script, loads nothing and sits in a sandbox, away from the app's origin.
 */
export const CONTENT_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox"
