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
// Modelled on GOV.UK's "Exit this page". Without JavaScript the button is a plain link. With it, the page is blanked
// at once (nothing stays readable while the neutral site loads on a slow network) and replaced in the history, so
// Back does not return here. Pressing Shift three times, each within five seconds of the last, does the same.
// Before leaving, a `quickexit` event is dispatched on `document`: the one hook for anything that wants to know
// (for example an anonymous counter). Listeners must be synchronous, e.g. navigator.sendBeacon.

const QUICK_EXIT_PRESSES = 3;
const QUICK_EXIT_TIMEOUT_MS = 5000;

function startQuickExit() {
  const root = document.querySelector("[data-quick-exit]");
  const button = root && root.querySelector("[data-quick-exit-button]");
  if (!button) return;

  const status = document.createElement("span");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  root.append(status);

  const indicator = document.createElement("span");
  indicator.className = "quick-exit__indicator";
  indicator.setAttribute("aria-hidden", "true");
  for (let i = 0; i < QUICK_EXIT_PRESSES; i += 1) {
    const light = document.createElement("span");
    light.className = "quick-exit__light";
    indicator.append(light);
  }
  button.append(indicator);

  let presses = 0;
  let timer = null;
  let lastKeyWasModified = false;
  let overlay = null;
  const pageTitle = document.title;

  function showPresses() {
    indicator.classList.toggle("quick-exit__indicator--on", presses > 0);
    indicator.querySelectorAll(".quick-exit__light").forEach((light, index) => {
      light.classList.toggle("quick-exit__light--on", index < presses);
    });
  }

  function resetPresses(announce) {
    window.clearTimeout(timer);
    timer = null;
    presses = 0;
    status.textContent = announce ? "Exit this page shortcut cancelled." : "";
    showPresses();
  }

  function leave() {
    resetPresses(false);
    document.dispatchEvent(new CustomEvent("quickexit", { detail: { destination: button.href } }));
    // Blank everything first: a slow network must not leave the story on screen.
    document.documentElement.classList.add("quick-exit-active");
    document.title = "Loading";
    overlay = document.createElement("div");
    overlay.className = "quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    document.body.append(overlay);
    overlay.textContent = "Loading.";
    leaveWindow(button.href);
  }

  // Embedded in a partner's page (the story embed card), the whole window must leave, not only the frame.
  // Browsers allow a frame to replace the top window's address after a click or key press.
  function leaveWindow(url) {
    try {
      if (window.top !== window.self) {
        window.top.location.replace(url);
        return;
      }
    } catch {
      // Blocked (a sandboxed frame): leave the frame at least.
    }
    window.location.replace(url);
  }

  button.addEventListener("click", (event) => {
    event.preventDefault();
    leave();
  });

  // keyup, capturing: Shift used as a modifier (Shift+A) sends a keyup for A with shiftKey set, then one for Shift;
  // only a Shift pressed on its own counts.
  document.addEventListener(
    "keyup",
    (event) => {
      if (event.key === "Shift" && !lastKeyWasModified) {
        presses += 1;
        showPresses();
        if (presses >= QUICK_EXIT_PRESSES) {
          leave();
          return;
        }
        status.textContent = `Shift, press ${QUICK_EXIT_PRESSES - presses} more ${
          QUICK_EXIT_PRESSES - presses === 1 ? "time" : "times"
        } to exit.`;
        window.clearTimeout(timer);
        timer = window.setTimeout(() => resetPresses(true), QUICK_EXIT_TIMEOUT_MS);
      } else if (presses > 0) {
        resetPresses(true);
      }
      lastKeyWasModified = event.shiftKey;
    },
    true,
  );

  // Back/forward may restore this page from the cache exactly as it was left: blank. Show it again.
  window.addEventListener("pageshow", () => {
    document.documentElement.classList.remove("quick-exit-active");
    document.title = pageTitle;
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
    resetPresses(false);
  });
}

// --- Films (click-to-load external players) ---

// --- Share links (copy link, native share sheet) ---

// --- Insights (anonymous aggregate counters) ---

ready(() => {
  // Each section registers its start function here.
  startQuickExit();
});
