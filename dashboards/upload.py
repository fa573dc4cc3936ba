"""A file input that refuses oversized files in the page, before anything is sent.

Panel's ``FileInput`` reads every chosen file and sends all of them in one websocket
message, so a file above the server's message limit drops the connection before the
app can say why. This widget checks each file's size in the browser: a file over
``max_bytes`` is never read, the page says which file and what the limit is, and each
accepted file travels in a message of its own (so the websocket limit only has to fit
one file at the limit). File names are written with ``textContent``, never as HTML.
"""

from __future__ import annotations

import base64
from typing import Any

import param
from panel.custom import JSComponent

_ESM = """
function readBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",", 2)[1] || "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function render({ model, el }) {
  const input = document.createElement("input");
  input.type = "file";
  input.multiple = true;
  input.accept = model.accept;
  input.className = "tl-upload-input";
  const note = document.createElement("div");
  note.className = "tl-upload-refused";
  note.setAttribute("role", "alert");
  note.style.color = "#b02a37";
  note.style.whiteSpace = "pre-wrap";
  note.style.fontSize = "13px";
  const mb = (n) => Number((n / 1048576).toPrecision(3));
  input.addEventListener("change", async () => {
    const files = Array.from(input.files || []);
    const refused = files.filter((f) => f.size > model.max_bytes);
    const accepted = files.filter((f) => f.size <= model.max_bytes);
    note.textContent = refused.map((f) => `${f.name}: refused in the browser, ${mb(f.size)} MB `
      + `is over the ${model.limit_label} upload limit`).join("\\n");
    model.send_msg({kind: "start", refused: refused.map((f) => [f.name, f.size])});
    for (const file of accepted) {
      model.send_msg({kind: "file", name: file.name, data: await readBase64(file)});
    }
  });
  el.append(input, note);
}
"""


class CheckedFileInput(JSComponent):
    """Multiple-file input with a size check in the browser.

    ``filename`` and ``value`` hold the accepted files (names and bytes, in order);
    ``refused`` the messages for files the page refused. A new choice of files
    replaces all three.
    """

    accept = param.String(default="", doc="Comma-separated suffixes the picker offers.")
    max_bytes = param.Integer(default=20 * 1024 * 1024, bounds=(1, None),
                              doc="Largest file the page sends, in bytes.")
    limit_label = param.String(default="20 MB", doc="The limit as shown in messages.")
    filename = param.List(default=[], item_type=str, doc="Names of the accepted files.")
    value = param.List(default=[], item_type=bytes, doc="Contents of the accepted files.")
    refused = param.List(default=[], item_type=str, doc="Why files were refused.")

    # Contents and messages stay on the server: only the limit goes to the page.
    _rename = {"filename": None, "value": None, "refused": None}
    _esm = _ESM

    def _handle_msg(self, data: Any) -> None:
        if not isinstance(data, dict):
            return
        if data.get("kind") == "start":
            refused = [f"{name}: refused in the browser, {int(size) / 1048576:.3g} MB is over "
                       f"the {self.limit_label} upload limit"
                       for name, size in data.get("refused") or []]
            self.param.update(filename=[], value=[], refused=refused)
        elif data.get("kind") == "file":
            content = base64.b64decode(str(data.get("data", "")))
            self.param.update(filename=[*self.filename, str(data.get("name", "upload"))],
                              value=[*self.value, content])
