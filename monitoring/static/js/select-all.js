// Article list: the "select all" box ticks (or clears) every item checkbox of its form on the page. Listens on the
// document, so it keeps working after htmx swaps in another page of the list.
document.addEventListener("change", (event) => {
  const box = event.target.closest("[data-select-all]");
  if (!box || !box.form) return;
  box.form.querySelectorAll('input[type="checkbox"][name="article"]').forEach((item) => {
    item.checked = box.checked;
  });
});
