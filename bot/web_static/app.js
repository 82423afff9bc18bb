// Telegram Mini App sign-in: read the launch data Telegram puts in the URL
// fragment (tgWebAppData), let the server check its signature, then open the
// viewer's place. No Telegram script is loaded (no external CDN); the pages
// themselves work without JavaScript.
(function () {
  "use strict";
  var status = document.getElementById("signin-status");
  function say(text) { if (status) { status.textContent = text; } }
  var data = new URLSearchParams(window.location.hash.slice(1)).get("tgWebAppData");
  if (!data && window.Telegram && window.Telegram.WebApp) { data = window.Telegram.WebApp.initData; }
  if (!data) { say(status ? status.getAttribute("data-missing") : ""); return; }
  say(status ? status.getAttribute("data-checking") : "");
  fetch("/api/session", { headers: { "X-Telegram-Init-Data": data }, credentials: "same-origin" })
    .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
    .then(function (res) {
      if (res.ok && res.body.next) { window.location.replace(res.body.next); }
      else { say(res.body.error || ""); }
    })
    .catch(function () { say(status ? status.getAttribute("data-offline") : ""); });
})();
