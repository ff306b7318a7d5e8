// fairdesk chat widget loader. A lender's page includes it once:
//   <script src="https://desk.example/widget.js" data-token="v1.…" defer></script>
// It adds a launcher button; the chat itself opens in an iframe served by fairdesk, so the host
// page's styles cannot reach it. The token travels to the frame in its address, never to the host.
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.dataset.token) return;
  var origin = new URL(script.src).origin;
  var openKey = "fairdesk.widget.open";
  var frame = null;

  // The launcher's and the frame's words in each language, filled in by the server from its
  // Fluent files; the first of the browser's languages that has them is used.
  var allWords = /*words*/{};
  var languages = (navigator.languages || [navigator.language]).filter(Boolean);
  var words = allWords.en;
  for (var i = 0; i < languages.length; i++) {
    var primary = languages[i].toLowerCase().split(/[-_]/)[0];
    if (primary === "no" || primary === "nn") primary = "nb";
    if (allWords[primary]) { words = allWords[primary]; break; }
  }

  var launcher = document.createElement("button");
  launcher.type = "button";
  launcher.id = "fairdesk-launcher";
  launcher.textContent = script.dataset.label || words.launcher;
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "fairdesk-frame");
  Object.assign(launcher.style, {
    position: "fixed", right: "16px", bottom: "16px", zIndex: "2147483000",
    padding: "12px 18px", border: "0", borderRadius: "24px", font: "600 16px system-ui, sans-serif",
    background: "#1d4ed8", color: "#fff", cursor: "pointer", boxShadow: "0 2px 8px rgba(0,0,0,.3)"
  });

  // On a phone the chat takes the whole screen; its own button closes it.
  var phone = window.matchMedia("(max-width: 480px)");
  function layout() {
    var panel = {
      right: "16px", bottom: "76px", width: "min(380px, calc(100vw - 32px))",
      height: "min(600px, calc(100dvh - 96px))", border: "1px solid #cbd5e1", borderRadius: "12px"
    };
    var full = { right: "0", bottom: "0", width: "100vw", height: "100dvh", border: "0", borderRadius: "0" };
    Object.assign(frame.style, {
      position: "fixed", zIndex: "2147483000", background: "#fff",
      boxShadow: "0 4px 24px rgba(0,0,0,.25)"
    }, phone.matches ? full : panel);
  }

  function createFrame() {
    frame = document.createElement("iframe");
    frame.id = "fairdesk-frame";
    frame.title = words.title;
    // The browser's languages, so the chat speaks the customer's language from the first word.
    frame.src = origin + "/widget?token=" + encodeURIComponent(script.dataset.token) +
      "&languages=" + encodeURIComponent(languages.join(","));
    layout();
    phone.addEventListener("change", layout);
    document.body.appendChild(frame);
  }

  function setOpen(open) {
    if (open && !frame) createFrame();
    if (frame) frame.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    sessionStorage.setItem(openKey, open ? "1" : "0");
    if (open) frame.focus();
  }

  launcher.addEventListener("click", function () {
    setOpen(launcher.getAttribute("aria-expanded") !== "true");
  });
  function close() {
    if (launcher.getAttribute("aria-expanded") !== "true") return;
    setOpen(false);
    launcher.focus();
  }
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") close();
  });
  // Escape pressed inside the frame arrives as a message from it.
  window.addEventListener("message", function (e) {
    if (frame && e.source === frame.contentWindow && e.origin === origin &&
        e.data && e.data.fairdesk === "close") {
      close();
    }
  });

  function mount() {
    document.body.appendChild(launcher);
    if (sessionStorage.getItem(openKey) === "1") setOpen(true);
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
