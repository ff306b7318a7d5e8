// fairdesk chat widget: the customer API over fetch and the live events over a WebSocket.
// The token comes from the page (data-token); the conversation id is kept in sessionStorage so a
// reload continues the same conversation. Without this script the page's form still works (it
// posts to /widget); with it, the form's submit and the buttons are taken over here.
// The words come from the page (data-words, in the page's language); the language the customer
// picked in the switch is kept in sessionStorage too, so a reload shows the chat in it again.
(function () {
  "use strict";

  var root = document.getElementById("chat");
  var token = root.dataset.token;
  var words = JSON.parse(root.dataset.words);
  var lang = document.documentElement.lang;
  var languageKey = "fairdesk.language." + root.dataset.customer;
  var asked = new URLSearchParams(location.search);
  if (asked.get("lang")) {
    sessionStorage.setItem(languageKey, lang);
  } else if (sessionStorage.getItem(languageKey) && sessionStorage.getItem(languageKey) !== lang) {
    asked.set("lang", sessionStorage.getItem(languageKey));
    location.replace(location.pathname + "?" + asked.toString());
    return;
  }
  var storageKey = "fairdesk.conversation." + root.dataset.customer;
  var transcript = document.getElementById("transcript");
  var statusLine = document.getElementById("status");
  var typing = document.getElementById("typing");
  var form = document.getElementById("compose");
  var input = document.getElementById("text");
  var personButton = document.getElementById("person");

  var PERSON_PAYLOAD = "intent:human_agent";
  var conversationId = null;
  var seen = {};
  var labels = {};
  labels[PERSON_PAYLOAD] = personButton.textContent;
  var socket = null;
  var retryMs = 500;
  var typingTimer = null;
  var agentName = null;

  function word(key, reason) {
    return (words[key] || key).replace("{reason}", reason || "");
  }

  function api(method, path, body) {
    var init = { method: method, headers: { Authorization: "Bearer " + token } };
    if (body) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (r) {
      return r.json().then(
        function (json) {
          if (!r.ok) {
            var e = new Error((json.error && json.error.message) || "HTTP " + r.status);
            e.status = r.status;
            throw e;
          }
          return json;
        },
        function () {
          var e = new Error("HTTP " + r.status);
          e.status = r.status;
          throw e;
        }
      );
    });
  }

  function say(text, isError) {
    statusLine.textContent = text;
    statusLine.classList.toggle("error", !!isError);
  }

  // While queued, the server words the line: the place in the queue and the expected wait.
  function showQueued() {
    var path = "/widget/status?conversation=" + encodeURIComponent(conversationId) +
      "&lang=" + encodeURIComponent(lang);
    api("GET", path).then(function (body) { say(body.text); }, function () { /* keep the line */ });
  }

  function showState(conversation) {
    if (conversation.agent) agentName = conversation.agent;
    if (conversation.state === "queued") {
      showQueued();
    } else if (conversation.state === "human") {
      say(word("human"));
    } else if (conversation.state === "closed") {
      say(word("closed"));
    } else {
      say("");
    }
  }

  function clearQuickReplies() {
    var old = transcript.querySelectorAll(".quick-replies");
    for (var i = 0; i < old.length; i++) old[i].remove();
  }

  function quickReplies(replies) {
    var group = document.createElement("div");
    group.className = "quick-replies";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", word("suggested"));
    replies.forEach(function (reply) {
      labels[reply.payload] = reply.label;
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = reply.label;
      button.dataset.payload = reply.payload;
      button.addEventListener("click", function () {
        // The buttons go when the answer comes: keep the keyboard in the conversation.
        input.focus();
        send(reply.payload);
      });
      group.appendChild(button);
    });
    return group;
  }

  function render(message) {
    if (seen[message.seq]) return;
    seen[message.seq] = true;
    var item = document.createElement("li");
    item.className = "message " + message.author;
    if (message.language) item.lang = message.language;
    var who = document.createElement("span");
    who.className = "who";
    var authors = { customer: word("you"), bot: word("bot"), agent: word("agent") };
    who.textContent = authors[message.author] || message.author;
    var text = document.createElement("p");
    text.textContent = labels[message.body] || message.body;
    item.appendChild(who);
    item.appendChild(text);
    if (message.author !== "customer") clearQuickReplies();
    if (message.quick_replies && message.quick_replies.length) {
      item.appendChild(quickReplies(message.quick_replies));
    }
    transcript.appendChild(item);
    // Scroll the transcript only: scrollIntoView would scroll the host page around the frame too.
    transcript.scrollTop = transcript.scrollHeight;
  }

  function renderAll(messages) {
    messages.forEach(render);
  }

  // A person joining or closing the chat is said in the transcript, in the customer's language
  // (the page carries the words: data-joined, data-closed, with {name} for the person's name).
  var personState = null;
  function announcePerson(conversation) {
    var was = personState;
    personState = conversation.state;
    if (!conversation.agent || was === conversation.state) return;
    var words = null;
    if (conversation.state === "human") words = root.dataset.joined;
    if (conversation.state === "closed") words = root.dataset.closed;
    if (!words) return;
    var item = document.createElement("li");
    item.className = "message notice";
    item.textContent = words.replace("{name}", conversation.agent);
    transcript.appendChild(item);
    transcript.scrollTop = transcript.scrollHeight;
  }

  function onEvent(event) {
    if (event.type === "message") {
      typing.textContent = "";
      render(event.message);
    } else if (event.type === "conversation") {
      showState(event.conversation);
      announcePerson(event.conversation);
    } else if (event.type === "queue_position") {
      showState({ state: "queued", queue_position: event.position });
    } else if (event.type === "typing" && event.author !== "customer") {
      // Said once per burst of typing, so a screen reader is not told again every two seconds.
      var line = agentName ? word("typing").replace("{name}", agentName) : word("typing-person");
      if (typing.textContent !== line) typing.textContent = line;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { typing.textContent = ""; }, 4000);
    }
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var url = scheme + location.host + "/api/v1/conversations/" + encodeURIComponent(conversationId) +
      "/live?token=" + encodeURIComponent(token);
    socket = new WebSocket(url);
    socket.onopen = function () { retryMs = 500; };
    socket.onmessage = function (m) {
      try { onEvent(JSON.parse(m.data)); } catch (e) { /* not an event: ignore */ }
    };
    socket.onclose = function () {
      // Reconnect, then read the transcript again for anything missed meanwhile.
      setTimeout(function () { load().then(connect, connect); }, retryMs);
      retryMs = Math.min(retryMs * 2, 15000);
    };
  }

  function load() {
    return api("GET", "/api/v1/conversations/" + encodeURIComponent(conversationId)).then(function (body) {
      renderAll(body.messages);
      showState(body.conversation);
    });
  }

  function start() {
    return api("POST", "/api/v1/conversations?language=" + encodeURIComponent(lang)).then(function (body) {
      conversationId = body.conversation.id;
      sessionStorage.setItem(storageKey, conversationId);
      renderAll(body.messages);
      showState(body.conversation);
    });
  }

  function resume() {
    // What the server rendered (the page without JavaScript) is drawn again from the API.
    transcript.textContent = "";
    conversationId = root.dataset.conversation || sessionStorage.getItem(storageKey);
    if (conversationId) sessionStorage.setItem(storageKey, conversationId);
    if (!conversationId) return start();
    return load().catch(function (e) {
      if (e.status !== 404) throw e;
      sessionStorage.removeItem(storageKey);
      return start();
    });
  }

  function send(text) {
    if (!conversationId) return;
    say("");
    api("POST", "/api/v1/conversations/" + encodeURIComponent(conversationId) + "/messages", { text: text })
      .then(function (body) {
        renderAll(body.messages);
        showState(body.conversation);
      })
      .catch(function (e) {
        say(word("not-sent", e.message), true);
      });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });

  var typingSentAt = 0;
  input.addEventListener("input", function () {
    var now = Date.now();
    if (now - typingSentAt < 2000) return;
    typingSentAt = now;
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: "typing" }));
    }
  });

  // Escape or the close button closes the widget: only the embedding page can hide the frame, so
  // ask it (the message carries nothing private).
  var embedded = window.parent !== window;
  function askToClose() {
    if (embedded) window.parent.postMessage({ fairdesk: "close" }, "*");
  }
  var closeButton = document.getElementById("close");
  closeButton.hidden = !embedded;
  closeButton.addEventListener("click", askToClose);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") askToClose();
  });

  personButton.addEventListener("click", function (e) {
    e.preventDefault();
    send(PERSON_PAYLOAD);
  });

  // "How did we do?" once the conversation is closed: five buttons rate it (once), then thanks.
  // Kept apart from showState: the rating follows every state shown, whoever changes showState.
  var rating = document.getElementById("rating");
  var ratingForm = document.getElementById("rating-form");
  var ratingThanks = document.getElementById("rating-thanks");

  function offerRating(conversation) {
    rating.hidden = conversation.state !== "closed";
  }

  function thankForRating() {
    ratingForm.hidden = true;
    ratingThanks.hidden = false;
    ratingThanks.focus();
  }

  function rate(score) {
    fetch("/api/v1/conversations/" + encodeURIComponent(conversationId) + "/feedback", {
      method: "POST",
      headers: { Authorization: "Bearer " + token, "Content-Type": "application/json" },
      body: JSON.stringify({ score: score })
    }).then(function (r) {
      if (r.ok) return thankForRating();
      return r.json().then(function (json) {
        if (json.error && json.error.code === "already_rated") return thankForRating();
        say(word("rating-not-saved", (json.error && json.error.message) || "HTTP " + r.status), true);
      });
    }).catch(function (e) {
      say(word("rating-not-saved", e.message), true);
    });
  }

  Array.prototype.forEach.call(ratingForm.querySelectorAll("button[name=score]"), function (button) {
    button.addEventListener("click", function (e) {
      e.preventDefault();
      rate(Number(button.value));
    });
  });

  var showStateWithoutRating = showState;
  showState = function (conversation) {
    showStateWithoutRating(conversation);
    offerRating(conversation);
  };

  // The language switch: the choice is kept for the tab, and the page comes back in it with the
  // same conversation (the form's own submit, so it works the same without this script).
  var languageForm = document.getElementById("language-form");
  languageForm.addEventListener("submit", function () {
    sessionStorage.setItem(languageKey, languageForm.elements.lang.value);
    if (conversationId && !languageForm.elements.conversation) {
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = "conversation";
      field.value = conversationId;
      languageForm.appendChild(field);
    }
  });

  resume().then(connect, function (e) {
    say(word("not-started", e.message), true);
  });
})();
