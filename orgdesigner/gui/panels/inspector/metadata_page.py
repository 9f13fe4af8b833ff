"""Inspector page shown when nothing is selected: the design's metadata and a summary."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from orgdesigner.gui.canvas.controller import DocumentController
from orgdesigner.gui.panels.inspector.fields import EnumCombo, LineField, TextField
from orgdesigner.model import Sector, ops

FIELDS = (
    ("title", "Title (Japanese)"), ("title_en", "Title (English)"), ("author", "Author"),
    ("organisation", "Organisation"), ("currency", "Currency"), ("created", "Created"),
)


class MetadataPage(QWidget):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctrl: DocumentController | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.addRow(self.summary)
        self.fields: dict[str, LineField | TextField] = {}
        labels = {"title": self.tr("Title (Japanese)"), "title_en": self.tr("Title (English)"),
                  "author": self.tr("Author"), "organisation": self.tr("Organisation"),
                  "currency": self.tr("Currency"), "created": self.tr("Created")}
        for name, _ in FIELDS:
            field = LineField()
            field.setObjectName(f"meta_{name}")
            form.addRow(labels[name], field)
            self.fields[name] = field
        # The sector changes how some findings weigh (24×7 in finance and critical
        # infrastructure), so it is a fixed choice, not free text.
        self.sector = EnumCombo(Sector, lang)
        self.sector.setObjectName("meta_sector")
        self.sector.setToolTip(self.tr("Finance and the critical-infrastructure sectors make "
                                       "some findings more severe."))
        form.addRow(self.tr("Sector"), self.sector)
        self.sector.committed.connect(lambda v: self._set("sector", v))
        for name, label in (("description", self.tr("Description (Japanese)")),
                            ("description_en", self.tr("Description (English)")),
                            ("source", self.tr("Source"))):
            field = TextField()
            field.setObjectName(f"meta_{name}")
            field.setMaximumHeight(90)
            form.addRow(label, field)
            self.fields[name] = field
        for name, field in self.fields.items():
            field.committed.connect(lambda v, n=name: self._set(n, v))

    def show_design(self, ctrl: DocumentController) -> None:
        self.ctrl = ctrl
        self.refresh()

    def refresh(self) -> None:
        if self.ctrl is None:
            return
        d = self.ctrl.design
        for name, field in self.fields.items():
            field.set_value(getattr(d.metadata, name))
        self.sector.set_value(d.metadata.sector.value)
        self.summary.setText(self.tr("Units: %1 · Flows: %2 · Companies: %3")
                             .replace("%1", str(len(d.units))).replace("%2", str(len(d.flows)))
                             .replace("%3", str(len(d.companies))))

    def _set(self, name: str, value: str) -> None:
        if self.ctrl is None:
            return
        if not self.ctrl.push(ops.UpdateMetadata({name: value}), self.tr("Edit design details")):
            self.refresh()
