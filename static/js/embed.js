// The embeddable story card's only script. It speaks WordPress's embed protocol: the embedding page puts a
// ten-character secret in the URL fragment (#?secret=...) and listens for {message, value, secret} posts.
// We report our height so the frame fits, and hand our own http(s) links to the parent, because WordPress's
// sandboxed iframe cannot open them itself. Without a secret (a plain iframe) links work as written.
(function () {
  "use strict";
  if (window.self === window.top) {
    return;
  }
  let secret = "";
  let resizing = 0;

  function readSecret() {
    const match = window.location.hash.match(/secret=([A-Za-z0-9]{10})/);
    secret = match ? match[1] : "";
  }

  function send(message, value) {
    window.parent.postMessage({ message: message, value: value, secret: secret }, "*");
  }

  function sendHeight() {
    send("height", Math.ceil(document.body.getBoundingClientRect().height));
  }

  function onResize() {
    clearTimeout(resizing);
    resizing = setTimeout(sendHeight, 100);
  }

  function onClick(event) {
    const link = event.target.closest && event.target.closest("a[href]");
    if (!link || !secret || event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    // tel: links are left to the browser: only web addresses go to the parent page.
    if (!/^https?:$/.test(link.protocol)) {
      return;
    }
    send("link", link.href);
    event.preventDefault();
  }

  function onMessage(event) {
    // Newer WordPress asks for the height again with a "ready" message once its listener is in place.
    const data = event.data;
    if (event.source === window.parent && data && data.message === "ready" && data.secret === secret) {
      sendHeight();
    }
  }

  readSecret();
  window.addEventListener("hashchange", readSecret);
  document.addEventListener("DOMContentLoaded", sendHeight);
  window.addEventListener("load", sendHeight);
  window.addEventListener("resize", onResize);
  window.addEventListener("message", onMessage);
  document.addEventListener("click", onClick);
})();
