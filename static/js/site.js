// The site's one JavaScript module. Everything here is progressive enhancement: every page can be read and
// the call made without it. Each feature is a small function in its own section, started after load.

function ready(start) {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
}

// --- Words in the page's language ---
// The server renders this page's messages as JSON (languages/messages.py) in <script id="site-messages">: no extra
// request, and the English below only shows if that block is missing.

const FALLBACK_MESSAGES = {
  quickExitCancelled: "Exit this page shortcut cancelled.",
  quickExitPressesLeft: { 1: "Shift, press {count} more time to exit.", 2: "Shift, press {count} more times to exit." },
  loadingTitle: "Loading",
  loadingAnnouncement: "Loading.",
  playFilm: "Play the film (this loads {service})",
  filmFrameTitle: "{title} ({service} player)",
  linkCopied: "Link copied.",
  linkNotCopied: "Could not copy. Select the address below and copy it.",
  copied: "Copied.",
  codeNotCopied: "Could not copy. The code is selected: copy it with your keyboard.",
};

function readMessages() {
  const block = document.getElementById("site-messages");
  try {
    return { ...FALLBACK_MESSAGES, ...(block ? JSON.parse(block.textContent) : {}) };
  } catch {
    return FALLBACK_MESSAGES;
  }
}

let messages = null;

// t("playFilm", { service: "YouTube" }); a nested key picks a form: t("quickExitPressesLeft", { count: 2 }, 2).
function t(key, values = {}, form = null) {
  messages = messages || readMessages();
  let text = messages[key];
  if (form !== null && text && typeof text === "object") text = text[String(form)];
  return String(text ?? "").replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
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
    status.textContent = announce ? t("quickExitCancelled") : "";
    showPresses();
  }

  function leave() {
    resetPresses(false);
    document.dispatchEvent(new CustomEvent("quickexit", { detail: { destination: button.href } }));
    // Blank everything first: a slow network must not leave the story on screen.
    document.documentElement.classList.add("quick-exit-active");
    document.title = t("loadingTitle");
    overlay = document.createElement("div");
    overlay.className = "quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    document.body.append(overlay);
    overlay.textContent = t("loadingAnnouncement");
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
        const left = QUICK_EXIT_PRESSES - presses;
        status.textContent = t("quickExitPressesLeft", { count: left }, left);
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
// Without JavaScript a facade is a plain link to the film on YouTube or Vimeo. With it, the link becomes a
// button that says which service playing loads; nothing is requested from that service before the press.

function startFilmFacades() {
  for (const facade of document.querySelectorAll("[data-film-embed]")) {
    const link = facade.querySelector(".film-facade__link");
    if (!link) continue;
    const service = facade.dataset.filmService;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "film-facade__play";
    const poster = link.querySelector("img");
    if (poster) button.append(poster);
    const label = document.createElement("span");
    label.className = "film-facade__label";
    label.textContent = t("playFilm", { service });
    button.append(label);
    button.addEventListener("click", () => loadFilmPlayer(facade), { once: true });
    link.replaceWith(button);
  }
}

function loadFilmPlayer(facade) {
  const frame = document.createElement("iframe");
  frame.className = "film-facade__frame";
  frame.src = facade.dataset.filmEmbed;
  frame.title = t("filmFrameTitle", { title: facade.dataset.filmTitle, service: facade.dataset.filmService });
  frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
  frame.allowFullscreen = true;
  // YouTube refuses embeds without a referrer; only this frame sends our origin, the site stays no-referrer.
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  facade.replaceChildren(frame);
  facade.classList.add("film-facade--playing");
  frame.focus();
}

// --- Share links (copy link, native share sheet) ---
// The plain links work everywhere; these buttons appear only where the browser can do what they say.

function announce(status, text) {
  if (status) {
    status.textContent = "";
    // A fresh text node after a tick makes screen readers announce the same words again.
    setTimeout(() => {
      status.textContent = text;
    }, 50);
  }
}

async function copyText(text) {
  await navigator.clipboard.writeText(text);
}

function startShareLinks() {
  const canCopy = Boolean(navigator.clipboard && window.isSecureContext);
  for (const section of document.querySelectorAll("[data-share]")) {
    const data = {
      title: section.dataset.shareTitle,
      text: section.dataset.shareText,
      url: section.dataset.shareUrl,
    };
    const status = section.querySelector("[data-share-status]");
    const native = section.querySelector("[data-share-native]");
    if (native && navigator.share && (!navigator.canShare || navigator.canShare(data))) {
      native.hidden = false;
      native.querySelector("button").addEventListener("click", () => {
        navigator.share(data).catch(() => {}); // the visitor closed the sheet: nothing to say
      });
    }
    const copy = section.querySelector("[data-share-copy]");
    if (copy && canCopy) {
      copy.hidden = false;
      copy.querySelector("button").addEventListener("click", () => {
        copyText(data.url).then(
          () => announce(status, t("linkCopied")),
          () => announce(status, t("linkNotCopied")),
        );
      });
    }
  }
  // Copy buttons for code on the partner toolkit page.
  for (const wrapper of document.querySelectorAll("[data-copy]")) {
    const button = wrapper.querySelector("[data-copy-target]");
    const source = button && document.getElementById(button.dataset.copyTarget);
    if (!source || !canCopy) {
      continue;
    }
    wrapper.hidden = false;
    const status = wrapper.querySelector("[data-copy-status]");
    button.addEventListener("click", () => {
      copyText(source.value || source.textContent).then(
        () => announce(status, t("copied")),
        () => {
          source.select();
          announce(status, t("codeNotCopied"));
        },
      );
    });
  }
}

// --- Insights (anonymous aggregate counters) ---
// Sends one tiny beacon per event: {e: event, p: page id, c: channel}. Nothing identifies the visitor: no
// cookie, no stored id, no timestamp finer than the server's day. The channel ("via" in the landing URL) is
// one of a fixed list and is kept in sessionStorage, which the browser forgets when the tab closes.
// Started after `load` so it never competes with the page or the call button. See docs/insights.md.

const INSIGHTS_ENDPOINT = "/events/";
const VIA_KEY = "insights-via";
// The channel format, as partners/models.py CODE_PATTERN defines it (a test checks they agree).
const VIA_FORMAT = /^[a-z0-9][a-z0-9-]{1,29}$/;

function insightsChannel() {
  let via = new URLSearchParams(window.location.search).get("via");
  try {
    if (via !== null) {
      via = VIA_FORMAT.test(via) ? via : "other";
      window.sessionStorage.setItem(VIA_KEY, via);
      return via;
    }
    return window.sessionStorage.getItem(VIA_KEY) || "direct";
  } catch {
    // Storage blocked: count this page alone.
    return via === null ? "direct" : VIA_FORMAT.test(via) ? via : "other";
  }
}

function insightsSender(pageId, channel) {
  return (event) => {
    if (!navigator.sendBeacon) return;
    const body = JSON.stringify({ e: event, p: pageId, c: channel });
    try {
      navigator.sendBeacon(INSIGHTS_ENDPOINT, body);
    } catch {
      // Counting must never break the page.
    }
  };
}

function watchFilm(video, send) {
  const reached = new Set();
  const once = (event) => {
    if (!reached.has(event)) {
      reached.add(event);
      send(event);
    }
  };
  video.addEventListener("play", () => once("film_started"));
  video.addEventListener("timeupdate", () => {
    if (!video.duration || !Number.isFinite(video.duration)) return;
    const share = video.currentTime / video.duration;
    for (const step of [25, 50, 75]) {
      if (share >= step / 100) once(`film_${step}`);
    }
    if (share >= 0.99) once("film_100");
  });
  video.addEventListener("ended", () => {
    for (const step of [25, 50, 75, 100]) once(`film_${step}`);
  });
}

function startPoll(send) {
  for (const form of document.querySelectorAll("form[data-insights-poll]")) {
    form.addEventListener("submit", (submitEvent) => {
      const answer = submitEvent.submitter && submitEvent.submitter.value;
      if (answer !== "yes" && answer !== "no") return;
      submitEvent.preventDefault();
      send(`poll_${answer}`);
      const thanks = document.getElementById("poll-thanks");
      form.hidden = true;
      if (thanks) {
        thanks.classList.add("poll__thanks--shown");
        thanks.focus();
      }
    });
  }
}

function startInsights() {
  const body = document.body;
  const pageId = Number(body.dataset.pageId);
  if (!pageId) return;
  const send = insightsSender(pageId, insightsChannel());
  const embed = body.dataset.insightsPageKind === "embed";
  send(embed ? "embed_viewed" : "page_view");

  document.addEventListener("click", (clickEvent) => {
    const link = clickEvent.target.closest && clickEvent.target.closest("a, button");
    if (!link) return;
    const href = link.getAttribute("href") || "";
    if (href.startsWith("tel:")) send("call_tapped");
    else if (link.classList.contains("form-link")) send("form_tapped");
    else if (link.dataset.shareNetwork) {
      const network = link.dataset.shareNetwork;
      if (["whatsapp", "x", "facebook", "email", "copy", "native"].includes(network)) send(`share_${network}`);
    }
  });
  // `toggle` does not bubble: listen in the capture phase, so transcripts added later count too.
  document.addEventListener(
    "toggle",
    (toggleEvent) => {
      const details = toggleEvent.target;
      if (details.matches && details.matches('details[data-insights="transcript"]') && details.open) {
        send("transcript_opened");
      }
    },
    true,
  );
  // Films may be inserted later (click-to-load players), so watch for new <video> elements too.
  const watched = new WeakSet();
  const watchAll = () => {
    for (const video of document.querySelectorAll("video")) {
      if (!watched.has(video)) {
        watched.add(video);
        watchFilm(video, send);
      }
    }
  };
  watchAll();
  new MutationObserver(watchAll).observe(document.body, { childList: true, subtree: true });
  // The safety feature dispatches this just before leaving; sendBeacon survives the navigation.
  document.addEventListener("quickexit", () => send("quick_exit"));
  startPoll(send);
}

// --- Embed card (WordPress's embed protocol) ---
// The embedding page puts a ten-character secret in the URL fragment (#?secret=...) and listens for
// {message, value, secret} posts. We report our height so the frame fits, and hand our own http(s) links to the
// parent, because WordPress's sandboxed iframe cannot open them itself. Without a secret links work as written.

let embedSecret = "";
let embedResizing = 0;

function embedReadSecret() {
  const match = window.location.hash.match(/secret=([A-Za-z0-9]{10})/);
  embedSecret = match ? match[1] : "";
}

function embedSend(message, value) {
  window.parent.postMessage({ message: message, value: value, secret: embedSecret }, "*");
}

function embedSendHeight() {
  embedSend("height", Math.ceil(document.body.getBoundingClientRect().height));
}

function embedOnResize() {
  clearTimeout(embedResizing);
  embedResizing = setTimeout(embedSendHeight, 100);
}

function embedOnClick(event) {
  const link = event.target.closest && event.target.closest("a[href]");
  if (!link || !embedSecret || event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  // tel: links are left to the browser: only web addresses go to the parent page.
  if (!/^https?:$/.test(link.protocol)) {
    return;
  }
  embedSend("link", link.href);
  event.preventDefault();
}

function embedOnMessage(event) {
  // Newer WordPress asks for the height again with a "ready" message once its listener is in place.
  const data = event.data;
  if (event.source === window.parent && data && data.message === "ready" && data.secret === embedSecret) {
    embedSendHeight();
  }
}

function startEmbedProtocol() {
  // Only the embed card, and only inside a frame.
  if (document.body.dataset.insightsPageKind !== "embed" || window.self === window.top) return;
  embedReadSecret();
  window.addEventListener("hashchange", embedReadSecret);
  embedSendHeight();
  window.addEventListener("load", embedSendHeight);
  window.addEventListener("resize", embedOnResize);
  window.addEventListener("message", embedOnMessage);
  document.addEventListener("click", embedOnClick);
}

function afterLoad(start) {
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
}

ready(() => {
  // Each section registers its start function here.
  // Quick exit first: it must work even if a later section fails.
  startQuickExit();
  startFilmFacades();
  afterLoad(startInsights);
  startShareLinks();
  startEmbedProtocol();
});
