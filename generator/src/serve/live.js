// Passerelle live reload (served by `passerelle serve` only, never part of the built site).
// Long-polls the build status: reloads after a good rebuild, lists errors after a bad one.
(() => {
  "use strict";
  const script = document.currentScript;
  let generation = Number(script && script.dataset.generation);
  const french = (document.documentElement.lang || "fr").startsWith("fr");
  const heading = french
    ? "Le site n’a pas été reconstruit : corrigez ces erreurs (la dernière version correcte reste affichée)."
    : "The site was not rebuilt: fix these errors (the last good version is still shown).";

  function show(errors) {
    let box = document.getElementById("passerelle-errors");
    if (errors.length === 0) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.id = "passerelle-errors";
      box.setAttribute("role", "alert");
      box.style.cssText =
        "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "background:#fff;color:#000;border-top:4px solid #b00020;padding:1rem;" +
        "font:14px/1.4 system-ui,sans-serif;box-shadow:0 -2px 12px rgba(0,0,0,.3)";
      document.body.appendChild(box);
    }
    const title = document.createElement("p");
    title.style.cssText = "margin:0 0 .5rem;font-weight:bold;color:#b00020";
    title.textContent = heading;
    const list = document.createElement("pre");
    list.style.cssText = "margin:0;white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace";
    list.textContent = errors.join("\n");
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = french ? "Fermer" : "Close";
    close.style.cssText = "float:right";
    close.addEventListener("click", () => box.remove());
    box.replaceChildren(close, title, list);
  }

  async function status(since) {
    const response = await fetch("/__passerelle/events?since=" + since, { cache: "no-store" });
    return response.json();
  }

  async function poll() {
    for (;;) {
      try {
        const now = await status(generation);
        if (now.generation !== generation) {
          generation = now.generation;
          if (now.errors.length === 0) {
            location.reload();
            return;
          }
          show(now.errors);
        }
      } catch (_) {
        // The server stopped or restarts: try again shortly.
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  status("none").then((now) => show(now.errors)).catch(() => {});
  poll();
})();
