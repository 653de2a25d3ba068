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
    label.textContent = `Play the film (this loads ${service})`;
    button.append(label);
    button.addEventListener("click", () => loadFilmPlayer(facade), { once: true });
    link.replaceWith(button);
  }
}

function loadFilmPlayer(facade) {
  const frame = document.createElement("iframe");
  frame.className = "film-facade__frame";
  frame.src = facade.dataset.filmEmbed;
  frame.title = `${facade.dataset.filmTitle} (${facade.dataset.filmService} player)`;
  frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
  frame.allowFullscreen = true;
  // YouTube refuses embeds without a referrer; only this frame sends our origin, the site stays no-referrer.
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  facade.replaceChildren(frame);
  facade.classList.add("film-facade--playing");
  frame.focus();
}

// --- Share links (copy link, native share sheet) ---

// --- Insights (anonymous aggregate counters) ---

ready(() => {
  // Each section registers its start function here.
  startFilmFacades();
});
