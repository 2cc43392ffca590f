"use strict";
// Pan and zoom an SVG by changing its viewBox: wheel or the + and − buttons zoom, a drag moves.
for (const svg of document.querySelectorAll("svg.zoomable")) {
  const home = svg.dataset.home.split(" ").map(Number);
  let box = [...home];
  const apply = () => svg.setAttribute("viewBox", box.map(value => value.toFixed(2)).join(" "));
  const zoom = (factor, cx = box[0] + box[2] / 2, cy = box[1] + box[3] / 2) => {
    box = [cx - (cx - box[0]) * factor, cy - (cy - box[1]) * factor, box[2] * factor, box[3] * factor];
    apply();
  };
  const toSvg = event => {
    const rect = svg.getBoundingClientRect();
    const scale = Math.max(box[2] / rect.width, box[3] / rect.height);
    return [box[0] + box[2] / 2 + (event.clientX - rect.left - rect.width / 2) * scale,
            box[1] + box[3] / 2 + (event.clientY - rect.top - rect.height / 2) * scale, scale];
  };
  svg.addEventListener("wheel", event => {
    event.preventDefault();
    const [x, y] = toSvg(event);
    zoom(event.deltaY > 0 ? 1.2 : 1 / 1.2, x, y);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", event => { drag = { x: event.clientX, y: event.clientY, moved: false }; });
  svg.addEventListener("pointermove", event => {
    if (!drag) return;
    const scale = toSvg(event)[2];
    const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    box[0] -= dx * scale; box[1] -= dy * scale;
    drag.x = event.clientX; drag.y = event.clientY;
    apply();
  });
  svg.addEventListener("pointerup", () => { setTimeout(() => { drag = null; }, 0); });
  // A drag that ends on a link moves the map; it does not open the link.
  svg.addEventListener("click", event => { if (drag && drag.moved) event.preventDefault(); }, true);
  const buttons = svg.parentElement.querySelector(".zoom-buttons");
  if (buttons) buttons.addEventListener("click", event => {
    const action = event.target.dataset.zoom;
    if (action === "in") zoom(1 / 1.5);
    else if (action === "out") zoom(1.5);
    else if (action === "reset") { box = [...home]; apply(); }
  });
}
