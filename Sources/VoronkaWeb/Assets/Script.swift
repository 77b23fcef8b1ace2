extension Assets {
    /// Drag and drop on the pipeline board. A drop fills the card's own move form with the target stage and submits it,
    /// so the server answers exactly as for the no-script form. Plain JavaScript, no build step, nothing global.
    public static let script = """
    (function () {
      "use strict";
      var board = document.querySelector("[data-board]");
      if (!board || !("draggable" in document.createElement("li"))) { return; }
      var dragged = null;

      function columnOf(node) {
        return node && node.closest ? node.closest(".column[data-stage-id]") : null;
      }
      function clearTargets() {
        var marked = board.querySelectorAll(".drop-target");
        for (var i = 0; i < marked.length; i++) { marked[i].classList.remove("drop-target"); }
      }

      board.addEventListener("dragstart", function (event) {
        var card = event.target.closest ? event.target.closest(".card[data-deal-id]") : null;
        if (!card) { return; }
        dragged = card;
        card.classList.add("is-dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", card.getAttribute("data-deal-id"));
      });

      board.addEventListener("dragend", function () {
        if (dragged) { dragged.classList.remove("is-dragging"); }
        dragged = null;
        clearTargets();
      });

      board.addEventListener("dragover", function (event) {
        var column = columnOf(event.target);
        if (!dragged || !column) { return; }
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        if (!column.classList.contains("drop-target")) {
          clearTargets();
          column.classList.add("drop-target");
        }
      });

      board.addEventListener("dragleave", function (event) {
        var column = columnOf(event.target);
        if (column && !column.contains(event.relatedTarget)) { column.classList.remove("drop-target"); }
      });

      board.addEventListener("drop", function (event) {
        var column = columnOf(event.target);
        if (!dragged || !column) { return; }
        event.preventDefault();
        clearTargets();
        var stage = column.getAttribute("data-stage-id");
        var form = dragged.querySelector("form[data-move-form]");
        var select = form ? form.querySelector("select[name=stage_id]") : null;
        if (!select || stage === dragged.getAttribute("data-stage-id")) { return; }
        select.value = stage;
        if (select.value !== stage) { return; }
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
      });
    })();
    """
}
