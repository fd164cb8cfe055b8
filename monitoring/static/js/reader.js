// The reader page: turn a text selection in #article-body into offsets into article.body and put them
// in the annotation form (and in "Use selection" fields of the edit forms). Plain JS, no framework.
(function () {
  "use strict";
  const body = document.getElementById("article-body");
  if (!body) return;

  // Python slices strings by code point while JS strings count UTF-16 units: count code points.
  const cpLen = (text) => Array.from(text).length;
  let last = null; // the last non-empty selection inside the body: {start, end, text}

  function paragraphOf(node) {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const para = el && el.closest("p[data-offset]");
    return para && body.contains(para) ? para : null;
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

  function selectionOffsets(range) {
    const paras = Array.from(body.querySelectorAll("p[data-offset]")).filter((p) => range.intersectsNode(p));
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

  // The article body as code points, rebuilt from the paragraphs and their offsets (gaps are the blank lines).
  let cachedChars = null;
  function bodyChars() {
    if (cachedChars) return cachedChars;
    cachedChars = [];
    body.querySelectorAll("p[data-offset]").forEach((para) => {
      const offset = Number(para.dataset.offset);
      while (cachedChars.length < offset) cachedChars.push("\n");
      cachedChars.push(...Array.from(para.textContent));
    });
    return cachedChars;
  }

  function remember() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!body.contains(range.commonAncestorContainer) && !range.intersectsNode(body)) return;
    const found = selectionOffsets(range);
    if (!found) return;
    last = found;
    const form = document.getElementById("annotation-form");
    if (form) {
      form.elements.start.value = found.start;
      form.elements.end.value = found.end;
      form.elements.text.value = found.text;
      document.getElementById("selection-preview").textContent = "“" + found.text + "” (" + found.start + "–" + found.end + ")";
      document.getElementById("annotation-submit").disabled = false;
    }
  }

  // Clicking a button collapses the selection, so keep the last real one rather than reading it on click.
  document.addEventListener("selectionchange", remember);
  body.addEventListener("mouseup", remember);

  document.querySelectorAll("button.use-selection").forEach((button) => {
    button.addEventListener("click", () => {
      if (!last) {
        window.alert("Select the passage in the article text first.");
        return;
      }
      const form = button.closest("form");
      form.elements.start.value = last.start;
      form.elements.end.value = last.end;
      if (form.elements.text) form.elements.text.value = last.text;
      button.textContent = "Selection: " + last.start + "–" + last.end;
    });
  });

  document.querySelectorAll("form.annotation-delete").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm("Delete this annotation?")) event.preventDefault();
    });
  });

  // Hovering an annotation or quote in the side panel outlines its passage in the text.
  function focusSpans(attribute, id, on) {
    body.querySelectorAll("[" + attribute + "]").forEach((seg) => {
      if (seg.getAttribute(attribute).split(" ").includes(id)) seg.classList.toggle("focus", on);
    });
  }
  document.querySelectorAll("li[data-annotation-id], li[data-quote-id]").forEach((item) => {
    const isQuote = item.hasAttribute("data-quote-id");
    const attribute = isQuote ? "data-quotes" : "data-annotations";
    const id = isQuote ? item.dataset.quoteId : item.dataset.annotationId;
    item.addEventListener("mouseenter", () => focusSpans(attribute, id, true));
    item.addEventListener("mouseleave", () => focusSpans(attribute, id, false));
  });
})();
