"use strict";
// Corrections from the pages: a button opens its form in a dialog, filled from the button's data-*
// attributes; the form goes to POST /curation/<kind> as JSON with the token this server start put
// in the page. The server appends one entry to the curation file; the page then reloads, and shows
// the entry as waiting for the next build.

const token = document.querySelector('meta[name="histkg-token"]')?.content || "";
const NAME_KEY = "histkg-curator";  // the curator's name, asked once and kept in this browser

// --- opening a form ----------------------------------------------------------------------------

function openDialog(action, values) {
  const dialog = document.getElementById("curate-" + action);
  if (!dialog) return;
  const form = dialog.querySelector("form");
  form.reset();
  form.querySelector(".form-error").textContent = "";
  for (const pick of form.querySelectorAll(".pick")) clearPick(pick);
  for (const target of form.querySelectorAll("[data-fill]")) {
    const value = values[target.dataset.fill] ?? "";
    if (target.matches("input")) target.value = value;
    else target.textContent = value;
  }
  const name = localStorage.getItem(NAME_KEY);
  if (name) form.querySelector(".remember-by").value = name;
  const other = form.querySelector('.pick input.picker');
  if (action === "merge" && other) other.dataset.kinds = values.kind || "";
  if (action === "assert") prefillAssert(form, values);
  dialog.showModal();
  (form.querySelector("input.picker") || form.querySelector('input[name="why"]')).focus();
}

document.addEventListener("click", event => {
  const button = event.target.closest("button[data-action]");
  if (button) openDialog(button.dataset.action, button.dataset);
  const cancel = event.target.closest(".curate-dialog button.cancel");
  if (cancel) cancel.closest("dialog").close();
});

// --- choosing an entity: a search box that offers names as one types ---------------------------

function clearPick(pick) {
  pick.querySelector("ul.choices").replaceChildren();
  pick.querySelector('input[type="hidden"]').value = "";
  pick.querySelector(".chosen").textContent = "";
}

function choose(pick, id, label) {
  pick.querySelector('input[type="hidden"]').value = id;
  pick.querySelector(".chosen").textContent = `Chosen: ${label} (${id})`;
  pick.querySelector("ul.choices").replaceChildren();
}

async function offer(input) {
  const pick = input.closest(".pick");
  const words = input.value.trim();
  const list = pick.querySelector("ul.choices");
  if (words.length < 2) { list.replaceChildren(); return; }
  const url = `/names?q=${encodeURIComponent(words)}&kind=${encodeURIComponent(input.dataset.kinds || "")}`;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok || input.value.trim() !== words) return;  // a later keystroke asks again
  const found = await response.json();
  list.replaceChildren(...found.map(entity => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "choice";
    button.textContent = `${entity.label} (${entity.kind}, ${entity.id})`;
    button.addEventListener("click", () => choose(pick, entity.id, entity.label));
    item.append(button);
    return item;
  }));
  if (!found.length) list.replaceChildren(Object.assign(document.createElement("li"), { textContent: "no match" }));
}

let typing = 0;
document.addEventListener("input", event => {
  if (!event.target.matches("input.picker")) return;
  clearTimeout(typing);
  typing = setTimeout(() => offer(event.target), 150);
});

// Enter in a search box takes the first name offered rather than sending the form half filled.
document.addEventListener("keydown", event => {
  if (event.key !== "Enter" || !event.target.matches("input.picker")) return;
  event.preventDefault();
  event.target.closest(".pick").querySelector("button.choice")?.click();
});

// --- asserting a fact from words selected in the reader ----------------------------------------

let selected = null;  // {quote, at}: the last words selected in the text

// The selected words and the offset in the original file where they start: a block's
// data-start plus the characters (code points, as the graph counts them) before the selection.
function selectedWords() {
  const selection = getSelection();
  const text = document.querySelector(".reader .text");
  if (!text || !selection.rangeCount || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const node = range.startContainer.nodeType === Node.ELEMENT_NODE ? range.startContainer : range.startContainer.parentElement;
  const block = node.closest(".block");
  if (!block || !text.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const words = range.toString();
  const quote = words.trim().split(/\s+/).join(" ");
  if (!quote) return null;
  const lead = words.length - words.trimStart().length;
  return { quote, at: Number(block.dataset.start) + [...before.toString()].length + [...words.slice(0, lead)].length };
}

const assertButton = document.querySelector("button.assert-selected");
if (assertButton) {
  document.addEventListener("selectionchange", () => {
    const words = selectedWords();
    if (words) selected = words;
    assertButton.disabled = !selected;
  });
  assertButton.addEventListener("click", () => {
    if (!selected) return;
    const source = document.querySelector(".assert-bar").dataset.source;
    openDialog("assert", { quote: selected.quote, at: String(selected.at), source });
  });
}

function prefillAssert(form, values) {
  const about = document.querySelector(".reader")?.dataset;
  showObjectField(form);
  if (!about?.aboutId) return;
  const [subject, object] = form.querySelectorAll(".pick");
  const isEvent = ["treaty", "visit"].includes(about.aboutKind);
  choose(isEvent ? subject : object, about.aboutId, about.aboutLabel);
}

// A date property takes a date; the others an entity of the kinds the option names.
function showObjectField(form) {
  const option = form.querySelector("select.assert-property").selectedOptions[0];
  const kinds = option.dataset.kinds;
  form.querySelector(".object-entity").hidden = !kinds;
  form.querySelector(".object-date").hidden = !!kinds;
  form.querySelector(".object-entity input.picker").dataset.kinds = kinds;
}

document.addEventListener("change", event => {
  if (event.target.matches("select.assert-property")) showObjectField(event.target.form);
});

// --- sending ------------------------------------------------------------------------------------

// The entry's fields from a form, as the curation file names them.
function entryFields(form) {
  const data = Object.fromEntries(new FormData(form));
  const common = { why: data.why, by: data.by };
  switch (form.dataset.kind) {
    case "merge": {
      if (!data.other) throw new Error("Choose the other one first: type a name and pick it from the list.");
      const [keep, drop] = data.keep_other ? [data.other, data.id] : [data.id, data.other];
      return { keep, drop: [drop], ...common };
    }
    case "assert": {
      const isDate = !form.querySelector(".object-date").hidden;
      const object = isDate ? data.object_date : data.object;
      if (!data.subject) throw new Error("Choose what the fact is about: type a name and pick it from the list.");
      if (!object) throw new Error(isDate ? "Give the date." : "Choose the value: type a name and pick it from the list.");
      return { subject: data.subject, property: data.property, object, source: data.source, quote: data.quote,
               at: Number(data.at), ...common };
    }
    case "retract": return { subject: data.subject, property: data.property, object: data.object, ...common };
    case "relabel": return { id: data.id, label: data.label, ...common };
    case "link": return { id: data.id, same_as: data.same_as, ...common };
    default: return { id: data.id, ...common };
  }
}

document.addEventListener("submit", async event => {
  const form = event.target.closest(".curate-dialog form");
  if (!form) return;
  event.preventDefault();
  const error = form.querySelector(".form-error");
  const send = form.querySelector('button[type="submit"]');
  let fields;
  try {
    fields = entryFields(form);
  } catch (problem) {
    error.textContent = problem.message;
    return;
  }
  if (fields.by) localStorage.setItem(NAME_KEY, fields.by);
  send.disabled = true;
  error.textContent = "";
  try {
    const response = await fetch(`/curation/${form.dataset.kind}`, {
      method: "POST", headers: { "Content-Type": "application/json", "X-Histkg-Token": token },
      body: JSON.stringify(fields) });
    if (response.ok) { location.reload(); return; }
    error.textContent = `Not added (${response.status}): ${(await response.text()).trim()}`;
  } catch (problem) {
    error.textContent = `Not added: the server cannot be reached (${problem.message})`;
  } finally {
    send.disabled = false;
  }
});
