// The reader page, plain JS, no framework. It
// - turns a text selection in #article-body into offsets into article.body, for the annotation form, the
//   "Re-anchor to selection" buttons and the quote being edited (nobody types offsets);
// - outlines a quote's or annotation's passage while the pointer is over it in the side panel;
// - moves the focus to the next pending suggestion after each decision htmx posted in place;
// - answers the keys j/k (next/previous suggestion), c (confirm), x (reject), e (edit), C (confirm all remaining of
//   the section), a (annotate the selection) and ? (show the keys).
// Every handler is delegated from the document, so the sections htmx swaps in need no re-binding.
(function () {
  "use strict";
  const bodyEl = () => document.getElementById("article-body");
  if (!bodyEl()) return;

  // Python slices strings by code point while JS strings count UTF-16 units: count code points.
  const cpLen = (text) => Array.from(text).length;
  let last = null; // the last non-empty selection inside the body: {start, end, text}

  function paragraphOf(node) {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const para = el && el.closest("p[data-offset]");
    return para && bodyEl().contains(para) ? para : null;
  }

  // Offset of a boundary point: its paragraph's data-offset plus the text before the point in that paragraph.
  function offsetOf(container, offset) {
    const para = paragraphOf(container);
    if (!para) return null;
    const before = document.createRange();
    before.selectNodeContents(para);
    before.setEnd(container, offset);
    return Number(para.dataset.offset) + cpLen(before.toString());
  }

  // The article body as code points, rebuilt from the paragraphs and their offsets (gaps are the blank lines).
  function bodyChars() {
    const chars = [];
    bodyEl()
      .querySelectorAll("p[data-offset]")
      .forEach((para) => {
        const offset = Number(para.dataset.offset);
        while (chars.length < offset) chars.push("\n");
        chars.push(...Array.from(para.textContent));
      });
    return chars;
  }

  function selectionOffsets(range) {
    const paras = Array.from(bodyEl().querySelectorAll("p[data-offset]")).filter((p) => range.intersectsNode(p));
    if (!paras.length) return null;
    let start = offsetOf(range.startContainer, range.startOffset);
    let end = offsetOf(range.endContainer, range.endOffset);
    // A selection that begins or ends outside a paragraph (e.g. a triple click) is clamped to the paragraphs.
    if (start === null) start = Number(paras[0].dataset.offset);
    const lastPara = paras[paras.length - 1];
    const lastEnd = Number(lastPara.dataset.offset) + cpLen(lastPara.textContent);
    if (end === null || end > lastEnd) end = lastEnd;
    // Take the text from the body itself, not from range.toString(): browsers add or drop line breaks
    // between paragraphs, and a triple click ends the range in the next paragraph.
    const chars = bodyChars();
    while (start < end && /\s/.test(chars[start] || "")) start += 1;
    while (end > start && /\s/.test(chars[end - 1] || "")) end -= 1;
    if (end <= start) return null;
    return { start: start, end: end, text: chars.slice(start, end).join("") };
  }

  function shorten(text) {
    const words = text.split(/\s+/);
    return words.length > 12 ? words.slice(0, 12).join(" ") + "…" : text;
  }

  // The quote whose edit form is open: a selection in the body becomes its span.
  function quoteEditOpen() {
    const open = document.querySelector("li.quote details.edit[open] form.quote-edit");
    return open || null;
  }

  function remember() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    const body = bodyEl();
    if (!body.contains(range.commonAncestorContainer) && !range.intersectsNode(body)) return;
    const found = selectionOffsets(range);
    if (!found) return;
    last = found;
    const form = document.getElementById("annotation-form");
    if (form) {
      form.elements.start.value = found.start;
      form.elements.end.value = found.end;
      form.elements.text.value = found.text;
      document.getElementById("selection-preview").textContent = "“" + shorten(found.text) + "”";
      document.getElementById("annotation-submit").disabled = false;
    }
    const quoteForm = quoteEditOpen();
    if (quoteForm) {
      quoteForm.elements.start.value = found.start;
      quoteForm.elements.end.value = found.end;
      quoteForm.querySelector(".span-text").textContent = found.text;
      quoteForm.classList.add("span-changed");
    }
  }

  // Clicking a button collapses the selection, so keep the last real one rather than reading it on click.
  document.addEventListener("selectionchange", remember);
  document.addEventListener("mouseup", (event) => {
    if (bodyEl().contains(event.target)) remember();
  });

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.use-selection");
    if (button) {
      if (!last) {
        window.alert("Select the passage in the article text first.");
        return;
      }
      const form = button.closest("form");
      form.elements.start.value = last.start;
      form.elements.end.value = last.end;
      if (form.elements.text) form.elements.text.value = last.text;
      button.textContent = "Selection: “" + shorten(last.text) + "”";
      return;
    }
    if (event.target.closest("#keys-open")) keysShow();
    if (event.target.closest("#keys-close")) document.getElementById("keys-help").close();
  });

  // An annotation spanning more than a few paragraphs is usually a slip of the mouse: ask first (the server accepts).
  const LONG_PARAGRAPHS = 3;
  function annotationTooLong(form) {
    const text = form.elements.text && form.elements.text.value;
    if (!text) return false;
    const paragraphs = text.split(/\n\s*\n/).length;
    if (paragraphs <= LONG_PARAGRAPHS) return false;
    return !window.confirm("This passage spans " + paragraphs + " paragraphs. Annotate all of it?");
  }
  document.addEventListener("htmx:confirm", (event) => {
    const form = event.target.closest && event.target.closest("#annotation-form");
    if (!form) return;
    event.preventDefault();
    if (!annotationTooLong(form)) event.detail.issueRequest(true);
  });
  document.addEventListener("submit", (event) => {
    // Without htmx (it failed to load), the plain form posts: ask here instead.
    if (window.htmx || event.target.id !== "annotation-form") return;
    if (annotationTooLong(event.target)) event.preventDefault();
  });

  // Hovering an annotation or quote in the side panel outlines its passage in the text.
  function focusSpans(item, on) {
    const isQuote = item.hasAttribute("data-quote-id");
    const attribute = isQuote ? "data-quotes" : "data-annotations";
    const id = isQuote ? item.dataset.quoteId : item.dataset.annotationId;
    bodyEl()
      .querySelectorAll("[" + attribute + "]")
      .forEach((seg) => {
        if (seg.getAttribute(attribute).split(" ").includes(id)) seg.classList.toggle("focus", on);
      });
  }
  ["mouseover", "mouseout"].forEach((type) => {
    document.addEventListener(type, (event) => {
      const item = event.target.closest && event.target.closest("li[data-annotation-id], li[data-quote-id]");
      if (!item) return;
      const into = event.relatedTarget && item.contains(event.relatedTarget);
      if (!into) focusSpans(item, type === "mouseover");
    });
  });

  // Suggestions and the focus ----------------------------------------------------------------------------

  const items = () => Array.from(document.querySelectorAll("#extraction li.suggestion"));
  const pending = (item) => item.dataset.status === "suggested" && item.dataset.orphaned !== "true";
  const current = () => document.activeElement && document.activeElement.closest("li.suggestion");

  function select(item) {
    if (!item) return;
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    const all = items();
    if (!all.length) return;
    const index = all.indexOf(current());
    const next = index < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(Math.max(index + step, 0), all.length - 1);
    select(all[next]);
  }

  // After a decision: the next pending suggestion after the one decided (wrapping round), else the Submit button.
  // Each request remembers where it came from on its own xhr, so a quick second key never takes the first's turn.
  document.addEventListener("htmx:beforeRequest", (event) => {
    const origin = event.target.closest && event.target.closest("#extraction, #workflow");
    if (!origin || !event.detail.xhr) return;
    const item = event.target.closest("li.suggestion");
    event.detail.xhr.reviewDesk = { id: item ? item.id : null, index: item ? items().indexOf(item) : 0, done: false };
    document.body.dataset.reviewDesk = "busy"; // until the focus has moved on (a hook for tests, see README)
  });
  document.addEventListener("htmx:afterRequest", (event) => {
    const decided = event.detail.xhr && event.detail.xhr.reviewDesk;
    if (decided && event.detail.failed) document.body.dataset.reviewDesk = "ready"; // nothing swapped, focus stays
  });
  function focusNext(decided) {
    const all = items();
    const at = decided.id ? all.findIndex((item) => item.id === decided.id) : -1;
    const from = at >= 0 ? at : Math.max(decided.index, 0);
    const next = all.slice(from).concat(all.slice(0, from)).find(pending);
    if (next) {
      select(next);
      return;
    }
    const primary = document.querySelector("#transition-form button[data-primary]");
    if (primary) primary.focus();
  }
  // Once per request, after every swapped part (the section and its out-of-band companions) has settled.
  document.addEventListener("htmx:afterSettle", (event) => {
    const decided = event.detail.xhr && event.detail.xhr.reviewDesk;
    if (!decided || decided.done) return;
    decided.done = true;
    window.setTimeout(() => {
      focusNext(decided);
      document.body.dataset.reviewDesk = "ready";
    }, 0);
  });

  function press(selector) {
    const item = current();
    const button = item && item.querySelector(selector);
    if (button) button.click();
  }

  function keysShow() {
    const dialog = document.getElementById("keys-help");
    if (dialog && !dialog.open) dialog.showModal();
  }

  function annotateSelection() {
    const form = document.getElementById("annotation-form");
    if (!form || !last) return;
    document.getElementById("annotation-code").focus();
  }

  function confirmAll() {
    const item = current() || items().find(pending);
    const kind = item && item.dataset.kind;
    const button = kind && document.querySelector('#extraction form.confirm-all[data-kind="' + kind + '"] button');
    if (button) button.click();
  }

  function edit() {
    const item = current();
    const details = item && item.querySelector("details.edit");
    if (!details) return;
    details.open = true;
    const field = details.querySelector("select, input:not([type=hidden])");
    if (field) field.focus();
  }

  const KEYS = {
    j: () => move(1),
    k: () => move(-1),
    c: () => press('button[data-action="confirm"]'),
    x: () => press('button[data-action="reject"]'),
    e: edit,
    C: confirmAll,
    a: annotateSelection,
    "?": keysShow,
  };

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable], dialog")) return;
    const handler = KEYS[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  });
})();
