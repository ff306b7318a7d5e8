// fairdesk agent console: keeps the queue and the case page live over the agent WebSocket and
// sends changes to the agent API with the session's CSRF token (data-csrf on <main>). Without this
// script the pages still show everything and their plain forms still post; money actions need it,
// because it asks for a confirmation first.
(function () {
  "use strict";

  var main = document.querySelector("main[data-csrf]");
  if (!main) return;
  var csrf = main.dataset.csrf;
  var me = main.dataset.agent;
  var socket = null;
  var retryMs = 500;
  var handlers = [];
  var onOpen = [];

  function api(method, path, body, headers) {
    var init = { method: method, credentials: "same-origin", headers: { "X-CSRF-Token": csrf } };
    Object.keys(headers || {}).forEach(function (k) { init.headers[k] = headers[k]; });
    if (body) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (r) {
      return r.json().then(
        function (json) {
          if (!r.ok) throw new Error((json.error && json.error.message) || "HTTP " + r.status);
          return json;
        },
        function () {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return null;
        }
      );
    });
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/api/v1/agent/live");
    socket.onopen = function () {
      retryMs = 500;
      onOpen.forEach(function (f) { f(); });
    };
    socket.onmessage = function (m) {
      var event;
      try { event = JSON.parse(m.data); } catch (e) { return; }
      handlers.forEach(function (h) { h(event); });
    };
    socket.onclose = function () {
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 15000);
    };
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  // "3 min 05 s", as the server writes it.
  function waited(since) {
    var s = Math.max(0, Math.floor((Date.now() - since) / 1000));
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, r = s % 60;
    if (h) return h + " h " + (m < 10 ? "0" : "") + m + " min";
    if (m) return m + " min " + (r < 10 ? "0" : "") + r + " s";
    return r + " s";
  }

  function tick() {
    var times = document.querySelectorAll("time.waiting");
    for (var i = 0; i < times.length; i++) {
      times[i].textContent = waited(Date.parse(times[i].getAttribute("datetime")));
    }
  }

  // The queue page: redraw the lists (rendered by the server) whenever a conversation changes.
  function queuePage() {
    var lists = document.getElementById("lists");
    var pending = null;
    function redraw() {
      clearTimeout(pending);
      pending = setTimeout(function () {
        fetch("/console/queue", { credentials: "same-origin" }).then(function (r) {
          if (r.status === 401) { location.href = "/console/login"; return null; }
          return r.ok ? r.text() : null;
        }).then(function (html) {
          if (html === null) return;
          // Keep the keyboard where it was when the list is drawn again.
          var focused = document.activeElement && document.activeElement.getAttribute("href");
          lists.innerHTML = html;
          var live = document.getElementById("queue-live");
          var count = document.getElementById("queue-count").textContent;
          if (live.textContent !== count) live.textContent = count;
          if (focused) {
            var again = lists.querySelector("a[href='" + focused + "']");
            if (again) again.focus();
          }
        });
      }, 200);
    }
    handlers.push(function (event) {
      if (event.type === "conversation" || event.type === "viewers") redraw();
    });
    onOpen.push(redraw);
    setInterval(tick, 1000);
  }

  // The case page.
  function casePage() {
    var id = main.dataset.conversation;
    var transcript = document.getElementById("transcript");
    var status = document.getElementById("case-status");
    var errorLine = document.getElementById("case-error");
    var viewers = document.getElementById("viewers");
    var typing = document.getElementById("typing");
    var typingTimer = null;

    function fail(e) { errorLine.textContent = e.message; }

    function render(m) {
      if (transcript.querySelector("li[data-seq='" + m.seq + "']")) return;
      var item = document.createElement("li");
      item.className = "message " + m.author;
      item.dataset.seq = m.seq;
      if (m.language) item.lang = m.language;
      var who = document.createElement("span");
      who.className = "who";
      var names = { customer: transcript.dataset.customer, bot: "Assistant", agent: "Agent" };
      // In UTC, like the times the server wrote into the page.
      var at = new Date(m.created_at);
      who.textContent = (names[m.author] || "Note for agents") + " · " +
        ("0" + at.getUTCHours()).slice(-2) + ":" + ("0" + at.getUTCMinutes()).slice(-2);
      var text = document.createElement("p");
      text.textContent = m.body;
      item.appendChild(who);
      item.appendChild(text);
      transcript.appendChild(item);
      item.scrollIntoView({ block: "nearest" });
    }

    handlers.push(function (event) {
      var about = event.conversation_id || (event.conversation && event.conversation.id);
      if (about !== id) return;
      if (event.type === "message") {
        typing.hidden = true;
        render(event.message);
      } else if (event.type === "viewers") {
        var others = event.agents.filter(function (n) { return n !== me; });
        viewers.textContent = others.length ? "Also looking at this case: " + others.join(", ") : "";
      } else if (event.type === "typing" && event.author === "customer") {
        typing.hidden = false;
        clearTimeout(typingTimer);
        typingTimer = setTimeout(function () { typing.hidden = true; }, 4000);
      } else if (event.type === "conversation") {
        var c = event.conversation;
        if (c.state === main.dataset.state && c.agent === main.dataset.holder) return;
        main.dataset.state = c.state;
        main.dataset.holder = c.agent || "";
        if (c.state === "human" && c.agent && c.agent !== me) status.textContent = "Held by " + c.agent + ".";
        else if (c.state === "closed") status.textContent = "This conversation is closed.";
        else if (c.state === "bot") status.textContent = "The assistant is handling this conversation.";
      }
    });
    onOpen.push(function () { send({ type: "viewing", conversation_id: id }); });

    var base = "/api/v1/agent/conversations/" + encodeURIComponent(id);
    var ops = document.querySelectorAll("form.op");
    Array.prototype.forEach.call(ops, function (form) {
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        errorLine.textContent = "";
        var op = form.dataset.op;
        var path = base + "/" + (op === "hand_back" ? "hand-back" : op);
        api("POST", path, {}).then(function () {
          if (op === "claim") location.reload();
          else location.href = "/console";
        }, fail);
      });
    });

    var reply = document.getElementById("reply");
    if (reply) {
      var text = document.getElementById("reply-text");
      reply.addEventListener("submit", function (e) {
        e.preventDefault();
        var body = text.value.trim();
        if (!body) return;
        errorLine.textContent = "";
        api("POST", base + "/messages", { text: body }).then(function (m) {
          text.value = "";
          render(m);
        }, fail);
      });
      Array.prototype.forEach.call(reply.querySelectorAll(".snippet"), function (b) {
        b.addEventListener("click", function () {
          text.value = text.value ? text.value + " " + b.dataset.text : b.dataset.text;
          text.focus();
        });
      });
      var typingSentAt = 0;
      text.addEventListener("input", function () {
        if (Date.now() - typingSentAt < 2000) return;
        typingSentAt = Date.now();
        send({ type: "typing", conversation_id: id });
      });
    }
    actions(base, fail);
  }

  // Money actions: a confirmation first, then the API with a fresh idempotency key (a second
  // press of "Yes" while the first is on its way sends the same key, so it changes nothing twice).
  function actions(base, fail) {
    var panel = document.getElementById("confirm");
    var question = document.getElementById("confirm-text");
    var yes = document.getElementById("confirm-yes");
    var no = document.getElementById("confirm-no");
    var waiting = null;

    function close() {
      panel.hidden = true;
      if (waiting) waiting.form.querySelector("button[type=submit]").focus();
      waiting = null;
    }

    Array.prototype.forEach.call(document.querySelectorAll("form.action"), function (form) {
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var body = { action: form.dataset.action, order: form.dataset.order };
        var installment = form.querySelector("[name=installment]");
        var fee = form.querySelector("[name=fee_minor]");
        var due = form.querySelector("[name=new_due]");
        if (installment) body.installment = Number(installment.value);
        if (fee) body.fee_minor = Number(fee.value);
        if (due) body.new_due = due.value;
        var key = "console-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
        waiting = { form: form, body: body, key: key };
        question.textContent = form.dataset.confirm + (due ? " (" + due.value + ")" : "");
        panel.hidden = false;
        yes.focus();
      });
    });
    yes.addEventListener("click", function () {
      if (!waiting) return;
      api("POST", base + "/actions", waiting.body, { "Idempotency-Key": waiting.key })
        .then(function () { location.reload(); }, function (e) { close(); fail(e); });
    });
    no.addEventListener("click", close);
    // The question holds the keyboard until it is answered: Tab moves between its two buttons.
    panel.addEventListener("keydown", function (e) {
      if (e.key === "Escape") close();
      if (e.key === "Tab") {
        e.preventDefault();
        (document.activeElement === yes ? no : yes).focus();
      }
    });
  }

  if (main.classList.contains("queue-page")) queuePage();
  if (main.classList.contains("case-page")) casePage();
  connect();
})();
