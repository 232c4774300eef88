/*
 * Groningen's international welcome assistant: the chat widget for any website.
 *
 *   <script src="http://127.0.0.1:5005/webhooks/web/widget.js"
 *           data-assistant-url="http://127.0.0.1:5005" defer></script>
 *
 * data-assistant-url is optional (default: the origin this script came from).
 * Plain JavaScript, no build step, no dependencies. It talks to the assistant's
 * REST channel (POST {url}/webhooks/rest/webhook) and renders the reply contract
 * of shared/eval/FORMAT.md: answers with their source links and thumbs, clarify
 * options and the no_answer offer as buttons, plus "Talk to a person".
 *
 * Safety: everything shown is set with textContent / createElement, never
 * innerHTML, so neither the user nor the bot can inject markup; links come only
 * from answer.sources[].url and only when they are http(s).
 * The conversation survives a reload: a random sender id and the history are
 * kept in localStorage (one key per assistant URL); the assistant keeps its own
 * context under the same sender id in its tracker store.
 * Privacy: the notice comes from the assistant (GET {url}/webhooks/privacy/notice,
 * words in bot/privacy.py) and is shown above the conversation with a button
 * that deletes it (POST {url}/webhooks/privacy/delete); after a deletion, typed
 * or by the button, the browser's copy and the sender id are dropped as well.
 */
(() => {
  "use strict";

  const script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script || window.__groningenWelcomeWidget) return;
  window.__groningenWelcomeWidget = true;

  const TALK_TO_PERSON = "I would like to talk to a person";
  const MAX_MESSAGE_CHARS = 1000; // bot/channels.py refuses longer messages
  const MAX_HISTORY_ENTRIES = 120;
  const REPLY_TIMEOUT_MS = 30000;
  const FEEDBACK_TIMEOUT_MS = 10000;
  const PRIVACY_TIMEOUT_MS = 10000;
  const CONTRACT_KEYS = ["answer", "no_answer", "clarify"];

  const TEXT = {
    toggle: "Ask a question",
    title: "Welcome assistant",
    subtitle: "Answers from gemeente.groningen.nl",
    region: "Chat with Groningen's international welcome assistant",
    log: "Conversation",
    close: "Close the chat",
    restart: "Start a new conversation",
    inputLabel: "Your question",
    placeholder: "Ask about partner cities, EU projects\u2026",
    send: "Send",
    you: "You: ",
    assistant: "Assistant: ",
    intro: "Hello! I'm Groningen's international welcome assistant. Ask me about the city's " +
      "partner cities, its European projects, or help for internationals settling in. " +
      "Every answer links to its source.",
    examples: ["Tell me about HECTOR", "Is Bremen a partner city?",
      "Is there anyone who helps internationals settle in?"],
    examplesLabel: "Example questions",
    choicesLabel: "Choose a reply",
    talkToPerson: "Talk to a person",
    source: "Source: ",
    sources: "Sources: ",
    newTab: " (opens in a new tab)",
    helpful: "Was this helpful?",
    voteUp: "Yes, this answer helped",
    voteDown: "No, this answer didn't help",
    thanks: "Thanks for your feedback.",
    feedbackFailed: "Couldn't send feedback.",
    deleteConversation: "Delete this conversation",
    deleteFailed: "The conversation could not be deleted right now. Please try again in a moment.",
    sorry: "Sorry that didn't help. Shall I pass your question to the Welcome Centre staff?",
    unreachable: "The assistant is not reachable right now. Please try again in a moment.",
    serverError: "The assistant had a problem answering. Please try again in a moment.",
    noReply: "The assistant did not reply. Please try again.",
    tooLong: `Please keep your message under ${MAX_MESSAGE_CHARS} characters.`,
    badRequest: (reason) => "Sorry, the assistant couldn't read that message" +
      (reason ? ` (${reason.replace(/[.\s]+$/, "")}).` : ".") + " Please try again.",
  };

  // Icon shapes after Material Icons (Apache License 2.0); fixed strings, never data.
  const ICONS = {
    chat: "M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2zM6 9h12v2H6V9zm8 5H6v-2h8v2zm4-6H6V6h12v2z",
    close: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z",
    send: "M2.01 21 23 12 2.01 3 2 10l15 2-15 2z",
    restart: "M17.65 6.35A7.96 7.96 0 0 0 12 4a8 8 0 1 0 7.73 10h-2.08A6 6 0 1 1 12 6c1.66 0 3.14.69 4.22 1.78L13 11h7V4l-2.35 2.35z",
    up: "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z",
    down: "M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z",
  };

  // ---- where the assistant is ------------------------------------------------

  function httpUrl(value, base) {
    try {
      const url = new URL(String(value), base);
      return url.protocol === "http:" || url.protocol === "https:" ? url : null;
    } catch (error) {
      return null;
    }
  }

  const scriptUrl = httpUrl(script.src, document.baseURI);
  if (!scriptUrl) return;
  const configured = script.getAttribute("data-assistant-url");
  const assistantBase = (configured && httpUrl(configured, document.baseURI)) || new URL(scriptUrl.origin);
  const assistantUrl = assistantBase.href.replace(/\/+$/, "");
  const webhookUrl = `${assistantUrl}/webhooks/rest/webhook`;
  const feedbackUrl = `${assistantUrl}/webhooks/feedback/vote`;
  const privacyUrl = `${assistantUrl}/webhooks/privacy`;
  const stylesheetUrl = new URL("widget.css", scriptUrl).href;

  // ---- what the browser keeps ------------------------------------------------

  const memory = new Map(); // when localStorage is blocked: the conversation lasts as long as the page
  const store = {
    get(key) {
      try { return window.localStorage.getItem(key); } catch (error) { return memory.has(key) ? memory.get(key) : null; }
    },
    set(key, value) {
      try { window.localStorage.setItem(key, value); } catch (error) { memory.set(key, value); }
    },
    remove(key) {
      try { window.localStorage.removeItem(key); } catch (error) { /* memory below */ }
      memory.delete(key);
    },
  };
  const KEY = {
    sender: `groningen-welcome:${assistantUrl}:sender`,
    history: `groningen-welcome:${assistantUrl}:history`,
    open: `groningen-welcome:${assistantUrl}:open`,
  };
  const SENDER_PATTERN = /^web-[0-9a-f]{32}$/;

  function newSenderId() {
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return "web-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function loadSender() {
    const kept = store.get(KEY.sender);
    if (kept && SENDER_PATTERN.test(kept)) return kept;
    const sender = newSenderId();
    store.set(KEY.sender, sender);
    return sender;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /** Bot messages as the widget keeps them: text, buttons and custom, nothing else. */
  function cleanMessages(list) {
    if (!Array.isArray(list)) return [];
    return list.filter(isObject).map((m) => ({
      text: typeof m.text === "string" ? m.text : "",
      buttons: (Array.isArray(m.buttons) ? m.buttons : [])
        .filter((b) => isObject(b) && typeof b.title === "string" && typeof b.payload === "string")
        .map((b) => ({ title: b.title, payload: b.payload })),
      custom: isObject(m.custom) ? m.custom : null,
    })).filter((m) => m.text || m.buttons.length || m.custom);
  }

  function cleanEntry(entry) {
    if (!isObject(entry)) return null;
    if (entry.type === "user" && typeof entry.text === "string") return { type: "user", text: entry.text };
    if (entry.type === "bot") {
      const vote = entry.vote === "up" || entry.vote === "down" ? entry.vote : null;
      return { type: "bot", messages: cleanMessages(entry.messages), vote };
    }
    if (entry.type === "note" && typeof entry.text === "string") {
      return { type: "note", text: entry.text, buttons: cleanMessages([{ buttons: entry.buttons }])[0]?.buttons || [] };
    }
    return null;
  }

  function loadHistory() {
    try {
      const parsed = JSON.parse(store.get(KEY.history) || "[]");
      return Array.isArray(parsed) ? parsed.map(cleanEntry).filter(Boolean) : [];
    } catch (error) {
      return [];
    }
  }

  function saveHistory() {
    if (history.length > MAX_HISTORY_ENTRIES) history.splice(0, history.length - MAX_HISTORY_ENTRIES);
    store.set(KEY.history, JSON.stringify(history));
  }

  let sender = loadSender();
  let history = loadHistory();
  let busy = false;
  let privacyNotice = null; // the assistant's words, fetched once at mount

  // ---- building blocks (createElement and textContent only) -------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function icon(name) {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "gwa-icon");
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", ICONS[name]);
    svg.appendChild(path);
    return svg;
  }

  function screenReaderOnly(text) {
    return el("span", "gwa-sr-only", text);
  }

  function button(className, label, onClick) {
    const node = el("button", className);
    node.type = "button";
    if (label !== undefined) node.textContent = label;
    node.addEventListener("click", onClick);
    return node;
  }

  /** Paragraphs at blank lines, line breaks at newlines: all as text. */
  function appendParagraphs(parent, text) {
    for (const paragraph of text.split(/\n\s*\n/)) {
      if (!paragraph.trim()) continue;
      const p = el("p", "gwa-text");
      paragraph.split("\n").forEach((line, i) => {
        if (i) p.appendChild(document.createElement("br"));
        p.appendChild(document.createTextNode(line));
      });
      parent.appendChild(p);
    }
  }

  // ---- the reply contract -------------------------------------------------------

  function contractOf(messages) {
    for (const message of messages) {
      for (const key of CONTRACT_KEYS) {
        if (message.custom && isObject(message.custom[key])) return { kind: key, data: message.custom[key] };
      }
    }
    return null;
  }

  /** answer.sources as links: only http(s) addresses. */
  function sourcesOf(answer) {
    const list = Array.isArray(answer.sources) ? answer.sources : [];
    return list.filter(isObject).map((s) => ({
      section: typeof s.section === "string" ? s.section : "",
      url: httpUrl(s.url),
    })).filter((s) => s.url);
  }

  function sectionTitle(section) {
    const words = section.replace(/[-_]+/g, " ").trim();
    return words ? words[0].toUpperCase() + words.slice(1) : "the page";
  }

  /**
   * Splits the trailing "Source: Title (url); ..." line off an answer's text when
   * every address in it is one of the answer's sources, so the sources show once,
   * as links. Returns the text to show and the titles by address.
   */
  function splitSourceLine(text, sources) {
    const lines = text.replace(/\s+$/, "").split("\n");
    const last = lines[lines.length - 1];
    const match = /^Sources?:\s*(.+)$/.exec(last);
    const titles = new Map();
    if (!match) return { text, titles };
    const known = new Set(sources.map((s) => s.url.href));
    for (const part of match[1].split(/;\s*/)) {
      const cited = /^(.*\S)\s*\((\S+)\)$/.exec(part.trim());
      const url = cited && httpUrl(cited[2]);
      if (!url || !known.has(url.href)) return { text, titles };
      titles.set(url.href, cited[1]);
    }
    return { text: lines.slice(0, -1).join("\n"), titles };
  }

  function sourceLinks(sources, titles) {
    const p = el("p", "gwa-sources");
    p.appendChild(el("span", "gwa-sources-label", sources.length > 1 ? TEXT.sources : TEXT.source));
    sources.forEach((source, i) => {
      if (i) p.appendChild(document.createTextNode("; "));
      const link = el("a", "gwa-link", titles.get(source.url.href) || sectionTitle(source.section));
      link.href = source.url.href;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.appendChild(screenReaderOnly(TEXT.newTab));
      p.appendChild(link);
    });
    return p;
  }

  // ---- the window -----------------------------------------------------------------

  const root = el("div", "gwa-root");
  root.lang = "en";
  root.style.visibility = "hidden"; // until widget.css is there: no unstyled flash

  const toggle = el("button", "gwa-toggle");
  toggle.type = "button";
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", "gwa-panel");
  toggle.append(icon("chat"), el("span", "gwa-toggle-text", TEXT.toggle));

  const panel = el("section", "gwa-panel");
  panel.id = "gwa-panel";
  panel.setAttribute("aria-label", TEXT.region);
  panel.hidden = true;

  const header = el("header", "gwa-header");
  const heading = el("div", "gwa-heading");
  heading.append(el("h2", "gwa-title", TEXT.title), el("p", "gwa-subtitle", TEXT.subtitle));
  const restartButton = button("gwa-icon-button", undefined, () => restart());
  restartButton.setAttribute("aria-label", TEXT.restart);
  restartButton.title = TEXT.restart;
  restartButton.appendChild(icon("restart"));
  const closeButton = button("gwa-icon-button", undefined, () => setOpen(false, true));
  closeButton.setAttribute("aria-label", TEXT.close);
  closeButton.title = TEXT.close;
  closeButton.appendChild(icon("close"));
  header.append(heading, restartButton, closeButton);

  const log = el("div", "gwa-log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  log.setAttribute("aria-relevant", "additions");
  log.setAttribute("aria-label", TEXT.log);
  log.setAttribute("aria-busy", "false");
  log.tabIndex = 0; // scrollable with the keyboard

  const typing = el("div", "gwa-typing");
  typing.setAttribute("aria-hidden", "true");
  typing.hidden = true;
  typing.append(el("span", "gwa-dot"), el("span", "gwa-dot"), el("span", "gwa-dot"));

  const errorBox = el("p", "gwa-error");
  errorBox.setAttribute("role", "alert");
  errorBox.hidden = true;

  const form = el("form", "gwa-form");
  form.noValidate = true;
  const label = el("label", "gwa-sr-only", TEXT.inputLabel);
  label.htmlFor = "gwa-input";
  const input = el("input", "gwa-input");
  input.id = "gwa-input";
  input.type = "text";
  input.name = "message";
  input.autocomplete = "off";
  input.maxLength = MAX_MESSAGE_CHARS;
  input.placeholder = TEXT.placeholder;
  const sendButton = el("button", "gwa-send");
  sendButton.type = "submit";
  sendButton.append(icon("send"), screenReaderOnly(TEXT.send));
  form.append(label, input, sendButton);

  panel.append(header, log, typing, errorBox, form);
  root.append(panel, toggle);

  // ---- showing the conversation -----------------------------------------------

  function bubble(who, extraClass) {
    const node = el("div", `gwa-msg gwa-msg-${who}${extraClass ? " " + extraClass : ""}`);
    node.appendChild(screenReaderOnly(who === "user" ? TEXT.you : TEXT.assistant));
    return node;
  }

  function choices(buttons, labelText) {
    const group = el("div", "gwa-choices");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", labelText || TEXT.choicesLabel);
    for (const choice of buttons) {
      const className = choice.payload === TALK_TO_PERSON ? "gwa-choice gwa-choice-person" : "gwa-choice";
      group.appendChild(button(className, choice.title, () => send(choice.payload, choice.title)));
    }
    return group;
  }

  function feedbackRow(entry, topic) {
    const row = el("div", "gwa-feedback");
    row.setAttribute("role", "group");
    row.setAttribute("aria-label", TEXT.helpful);
    const question = el("span", "gwa-feedback-question", TEXT.helpful);
    question.setAttribute("aria-hidden", "true"); // the group's label says it already
    row.appendChild(question);
    const note = el("span", "gwa-feedback-note");
    const votes = {};
    for (const value of ["up", "down"]) {
      const vote = button(`gwa-vote gwa-vote-${value}`, undefined, () => castVote(entry, topic, value, votes, note));
      vote.setAttribute("aria-label", value === "up" ? TEXT.voteUp : TEXT.voteDown);
      vote.title = vote.getAttribute("aria-label");
      vote.setAttribute("aria-pressed", String(entry.vote === value));
      vote.appendChild(icon(value));
      votes[value] = vote;
      row.appendChild(vote);
    }
    row.appendChild(note);
    return row;
  }

  /** One history entry as DOM; `withChoices` for the latest entry only. */
  function renderEntry(entry, withChoices) {
    if (entry.type === "user") {
      const node = bubble("user");
      node.appendChild(el("p", "gwa-text", entry.text));
      return node;
    }
    if (entry.type === "note") {
      const node = bubble("bot", "gwa-msg-note");
      appendParagraphs(node, entry.text);
      if (withChoices && entry.buttons.length) node.appendChild(choices(entry.buttons));
      return node;
    }
    const turn = el("div", "gwa-turn");
    const contract = contractOf(entry.messages);
    const sources = contract && contract.kind === "answer" ? sourcesOf(contract.data) : [];
    const topic = contract && contract.kind === "answer" && typeof contract.data.topic === "string"
      ? contract.data.topic : null;
    const texts = entry.messages.filter((m) => m.text);
    const titles = new Map();
    let lastBubble = null;
    for (const message of texts) {
      let text = message.text;
      if (sources.length) {
        const split = splitSourceLine(text, sources);
        text = split.text;
        split.titles.forEach((title, url) => titles.set(url, title));
        if (!text.trim()) continue; // the source line came as a message of its own
      }
      lastBubble = bubble("bot");
      appendParagraphs(lastBubble, text);
      turn.appendChild(lastBubble);
    }
    if (contract && contract.kind === "answer") {
      if (!lastBubble) turn.appendChild(lastBubble = bubble("bot"));
      if (sources.length) lastBubble.appendChild(sourceLinks(sources, titles));
      if (topic) lastBubble.appendChild(feedbackRow(entry, topic));
    }
    if (withChoices) {
      const offered = entry.messages.flatMap((m) => m.buttons);
      if (contract && contract.kind === "no_answer" && !offered.some((b) => b.payload === TALK_TO_PERSON)) {
        offered.push({ title: TEXT.talkToPerson, payload: TALK_TO_PERSON });
      }
      if (offered.length) (lastBubble || turn).appendChild(choices(offered));
    }
    return turn;
  }

  function intro() {
    const node = bubble("bot", "gwa-msg-intro");
    appendParagraphs(node, TEXT.intro);
    if (!history.length) {
      node.appendChild(choices(TEXT.examples.map((q) => ({ title: q, payload: q })), TEXT.examplesLabel));
    }
    return node;
  }

  function notice() {
    if (!privacyNotice) return [];
    const node = bubble("bot", "gwa-msg-notice");
    appendParagraphs(node, privacyNotice);
    const remove = button("gwa-delete", TEXT.deleteConversation, () => deleteConversation());
    node.appendChild(remove);
    return [node];
  }

  function renderAll() {
    log.replaceChildren(intro(), ...notice(),
      ...history.map((entry, i) => renderEntry(entry, i === history.length - 1)));
    scrollToEnd();
  }

  function append(entry) {
    const node = renderEntry(entry, true);
    log.appendChild(node);
    scrollToEnd();
    return node;
  }

  /** Quick replies belong to the latest turn only: an old offer would act on a later question. */
  function removeChoices() {
    log.querySelectorAll(".gwa-choices").forEach((group) => group.remove());
  }

  function hideChoices(hidden) {
    log.querySelectorAll(".gwa-choices").forEach((group) => { group.hidden = hidden; });
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = !text;
  }

  function setBusy(value) {
    busy = value;
    log.setAttribute("aria-busy", String(value));
    typing.hidden = !value;
    sendButton.disabled = value;
    if (value) scrollToEnd();
  }

  // ---- talking to the assistant ---------------------------------------------------

  async function postJson(url, body, timeoutMs) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        signal: controller.signal,
        credentials: "omit",
      });
    } finally {
      clearTimeout(timer);
    }
  }

  async function reasonOf(response) {
    try {
      const body = await response.json();
      return isObject(body) && typeof body.reason === "string" ? body.reason.slice(0, 200) : null;
    } catch (error) {
      return null;
    }
  }

  /** Sends `message` (showing `shown` instead, for a button); true when the assistant replied. */
  async function send(message, shown) {
    const text = String(message).trim();
    if (!text || busy) return false;
    if (text.length > MAX_MESSAGE_CHARS) {
      showError(TEXT.tooLong);
      return false;
    }
    showError("");
    hideChoices(true);
    const userEntry = { type: "user", text: shown || text };
    const userNode = append(userEntry);
    setBusy(true);
    let messages = null;
    let problem = null;
    try {
      const response = await postJson(webhookUrl, { sender, message: text }, REPLY_TIMEOUT_MS);
      if (response.ok) {
        messages = cleanMessages(await response.json().catch(() => null));
        if (!messages.length) problem = TEXT.noReply;
      } else if (response.status >= 400 && response.status < 500) {
        problem = TEXT.badRequest(await reasonOf(response));
      } else {
        problem = TEXT.serverError;
      }
    } catch (error) {
      problem = TEXT.unreachable;
    } finally {
      setBusy(false);
    }
    if (problem) {
      userNode.remove();
      hideChoices(false);
      showError(problem);
      input.focus();
      return false;
    }
    removeChoices();
    const botEntry = { type: "bot", messages, vote: null };
    if (messages.some((m) => m.custom && m.custom.privacy === "conversation_deleted")) {
      forgetConversation(botEntry); // the assistant deleted it: the browser's copy goes too
      input.focus();
      return true;
    }
    history.push(userEntry, botEntry);
    saveHistory();
    append(botEntry);
    input.focus();
    return true;
  }

  async function castVote(entry, topic, value, votes, note) {
    if (entry.vote === value) return;
    entry.vote = value;
    saveHistory();
    votes.up.setAttribute("aria-pressed", String(value === "up"));
    votes.down.setAttribute("aria-pressed", String(value === "down"));
    note.textContent = "";
    if (value === "down") {
      removeChoices();
      const offer = { type: "note", text: TEXT.sorry, buttons: [{ title: TEXT.talkToPerson, payload: TALK_TO_PERSON }] };
      history.push(offer);
      saveHistory();
      append(offer);
    }
    let sent = false;
    try {
      const response = await postJson(feedbackUrl, { sender, topic, vote: value }, FEEDBACK_TIMEOUT_MS);
      sent = response.ok;
    } catch (error) {
      sent = false; // the feedback endpoint is optional: say so quietly, nothing more
    }
    if (entry.vote === value) note.textContent = sent ? TEXT.thanks : TEXT.feedbackFailed;
  }

  /** Drops the browser's copy of the conversation and starts one under a new sender id. */
  function startAfresh() {
    history = [];
    sender = newSenderId();
    store.set(KEY.sender, sender);
    store.remove(KEY.history);
    showError("");
    renderAll();
  }

  function restart() {
    if (busy) return;
    startAfresh();
    input.focus();
  }

  /** Starts afresh, then shows `confirmation` (not kept). */
  function forgetConversation(confirmation) {
    startAfresh();
    append(confirmation);
  }

  async function deleteConversation() {
    if (busy) return;
    setBusy(true);
    let reply = null;
    try {
      const response = await postJson(`${privacyUrl}/delete`, { sender }, PRIVACY_TIMEOUT_MS);
      reply = response.ok ? await response.json().catch(() => null) : null;
    } catch (error) {
      reply = null;
    } finally {
      setBusy(false);
    }
    if (!isObject(reply) || reply.deleted !== true || typeof reply.text !== "string") {
      showError(TEXT.deleteFailed);
      return;
    }
    forgetConversation({ type: "note", text: reply.text, buttons: [] });
    input.focus();
  }

  async function loadNotice() {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), PRIVACY_TIMEOUT_MS);
    try {
      const response = await fetch(`${privacyUrl}/notice`, { signal: controller.signal, credentials: "omit" });
      const body = response.ok ? await response.json() : null;
      if (isObject(body) && typeof body.text === "string" && body.text) privacyNotice = body.text;
    } catch (error) {
      privacyNotice = null; // an assistant without the privacy channel: no notice, the chat still works
    } finally {
      clearTimeout(timer);
    }
  }

  function setOpen(open, moveFocus) {
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    root.classList.toggle("gwa-open", open);
    store.set(KEY.open, open ? "1" : "0");
    if (open) {
      scrollToEnd();
      if (moveFocus) input.focus();
    } else if (moveFocus) {
      toggle.focus();
    }
  }

  // ---- wiring ----------------------------------------------------------------------

  toggle.addEventListener("click", () => setOpen(panel.hidden, true));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false, true);
    }
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim()) {
      input.focus();
      return;
    }
    if (await send(text) && input.value === text) input.value = "";
    input.focus();
  });

  function mount() {
    const stylesheet = document.createElement("link");
    stylesheet.rel = "stylesheet";
    stylesheet.href = stylesheetUrl;
    const show = () => { root.style.visibility = ""; };
    stylesheet.addEventListener("load", show);
    stylesheet.addEventListener("error", show);
    document.head.appendChild(stylesheet);
    renderAll();
    document.body.appendChild(root);
    setOpen(store.get(KEY.open) === "1", false);
    loadNotice().then(() => {
      // Placed under the intro without redrawing the log: a message may be on its way.
      if (!log.querySelector(".gwa-msg-notice")) log.firstChild.after(...notice());
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
