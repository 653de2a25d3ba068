// The printable report's one enhancement: a Print button (the browser's own Print works without it).
const button = document.querySelector("[data-print]");
if (button) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
