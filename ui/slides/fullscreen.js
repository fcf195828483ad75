// The full-screen button of presentation mode. The browser's Fullscreen API needs the click itself, so
// this runs in the page (a Streamlit button would lose the gesture on its way to the server). Streamlit
// may draw the element again on each rerun: a button is bound once.
for (const button of document.querySelectorAll(".ucj-fullscreen:not([data-bound])")) {
  button.dataset.bound = "1";
  button.addEventListener("click", () => document.fullscreenElement
    ? document.exitFullscreen() : document.documentElement.requestFullscreen());
}
