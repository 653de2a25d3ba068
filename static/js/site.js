// The site's one JavaScript module. Everything here is progressive enhancement: every page can be read and
// the call made without it. Each feature is a small function in its own section, started after load.

function ready(start) {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
}

// --- Quick exit (visitor safety) ---

// --- Films (click-to-load external players) ---

// --- Share links (copy link, native share sheet) ---

// --- Insights (anonymous aggregate counters) ---

ready(() => {
  // Each section registers its start function here.
});
