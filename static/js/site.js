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
          () => announce(status, "Link copied."),
          () => announce(status, "Could not copy. Select the address below and copy it."),
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
        () => announce(status, "Copied."),
        () => {
          source.select();
          announce(status, "Could not copy. The code is selected: copy it with your keyboard.");
        },
      );
    });
  }
}

// --- Insights (anonymous aggregate counters) ---

ready(() => {
  // Each section registers its start function here.
  startShareLinks();
});
