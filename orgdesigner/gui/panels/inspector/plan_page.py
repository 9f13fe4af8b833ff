"""The CSIRT plan of a CSIRT unit: members, services, hours, point of contact, mandate,
declared authority and memberships. Every edit replaces the plan with one `SetPlan` op."""

from __future__ import annotations

import copy

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.gui.canvas.controller import DocumentController
from orgdesigner.gui.panels.inspector.fields import CheckList, EnumCombo, LineField
from orgdesigner.gui.panels.inspector.roles import RoleDelegate, role_label, role_labels
from orgdesigner.model import (
    SERVICES,
    Authority,
    CsirtPlan,
    Member,
    ServiceHours,
    Staffing,
    ops,
    service_label,
)

COL_NAME, COL_ROLE, COL_HOME, COL_FTE, COL_DEDICATED, COL_STAFFING = range(6)
KNOWN_MEMBERSHIPS = ("NCA", "FIRST")
ID_ROLE = Qt.ItemDataRole.UserRole


class HomeUnitDelegate(QStyledItemDelegate):
    """Choose a member's home unit from the design's units (the editor is built on demand,
    so a 5,000-unit design costs nothing until someone edits a cell)."""

    def __init__(self, page: PlanPage) -> None:
        super().__init__(page)
        self.page = page

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(self.tr("(none)"), "")
        if self.page.ctrl is not None:
            lang = self.page.ctrl.lang
            for u in self.page.ctrl.design.units.values():
                combo.addItem(u.display_name(lang), u.id)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        i = editor.findData(index.data(ID_ROLE) or "")  # type: ignore[attr-defined]
        editor.setCurrentIndex(max(0, i))  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex) -> None:
        model.setData(index, editor.currentData(), ID_ROLE)  # type: ignore[attr-defined]
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)  # type: ignore


class PlanPage(QWidget):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctrl: DocumentController | None = None
        self.uid = ""
        self._loading = False
        self.members = QTableWidget(0, 6)
        self.members.setObjectName("planMembers")
        self.members.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"),
                                                self.tr("Home unit"), self.tr("FTE"),
                                                self.tr("Dedicated"), self.tr("Staffing")])
        self.members.horizontalHeaderItem(COL_STAFFING).setToolTip(self.tr(
            "New hire (増員) and outsourced (外部委託) are new money; existing staff's time "
            "(工数振替) is not"))
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.members.horizontalHeader().setStretchLastSection(True)
        self.members.verticalHeader().setVisible(False)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setItemDelegateForColumn(COL_HOME, HomeUnitDelegate(self))
        self.members.setItemDelegateForColumn(COL_ROLE, RoleDelegate(self))
        self.members.setMinimumHeight(150)
        add = QPushButton(self.tr("Add member"))
        add.setObjectName("planAddMember")
        remove = QPushButton(self.tr("Remove member"))
        remove.setObjectName("planRemoveMember")
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.fte_total = QPushButton()
        self.fte_total.setFlat(True)
        self.fte_total.setEnabled(False)
        buttons.addWidget(self.fte_total)
        self.services = CheckList([(s, service_label(s, lang)) for s in SERVICES],
                                  labeller=service_label)
        self.services.setObjectName("planServices")
        self.hours = EnumCombo(ServiceHours, lang)
        self.hours.setObjectName("planHours")
        self.contact = LineField()
        self.contact.setObjectName("planContact")
        self.mandate = QCheckBox(self.tr("Mandate documented and approved"))
        self.mandate.setObjectName("planMandate")
        self.authority = EnumCombo(Authority, lang)
        self.authority.setObjectName("planAuthority")
        self.known: dict[str, QCheckBox] = {}
        member_row = QHBoxLayout()
        for m in KNOWN_MEMBERSHIPS:
            box = QCheckBox(m)
            box.setObjectName(f"planMembership{m}")
            box.toggled.connect(self._memberships_changed)
            self.known[m] = box
            member_row.addWidget(box)
        self.other_memberships = LineField()
        self.other_memberships.setObjectName("planOtherMemberships")
        self.other_memberships.setPlaceholderText(self.tr("others, comma-separated"))
        member_row.addWidget(self.other_memberships, 1)
        form = QFormLayout()
        form.addRow(self.tr("Service hours"), self.hours)
        form.addRow(self.tr("Point of contact"), self.contact)
        form.addRow("", self.mandate)
        form.addRow(self.tr("Declared authority"), self.authority)
        form.addRow(self.tr("Memberships"), member_row)
        form.addRow(self.tr("Services"), self.services)
        layout = QVBoxLayout(self)
        layout.addWidget(self.members)
        layout.addLayout(buttons)
        layout.addLayout(form)
        add.clicked.connect(self.add_member)
        remove.clicked.connect(self.remove_member)
        self.members.itemChanged.connect(self._member_changed)
        self.services.committed.connect(lambda v: self._edit(services=v))
        self.hours.committed.connect(lambda v: self._edit(hours=ServiceHours(v)))
        self.contact.committed.connect(lambda v: self._edit(contact=v))
        self.mandate.toggled.connect(lambda on: None if self._loading else self._edit(mandate=on))
        self.authority.committed.connect(lambda v: self._edit(authority=Authority(v)))
        self.other_memberships.committed.connect(lambda _v: self._memberships_changed())

    # ---- filling ----------------------------------------------------------------------
    def show_plan(self, ctrl: DocumentController, uid: str) -> None:
        self.ctrl, self.uid = ctrl, uid
        self.refresh()

    def plan(self) -> CsirtPlan:
        unit = self.ctrl.design.units[self.uid] if self.ctrl else None
        return copy.deepcopy(unit.plan) if unit is not None and unit.plan else CsirtPlan()

    def refresh(self) -> None:
        if self.ctrl is None or self.uid not in self.ctrl.design.units:
            return
        plan = self.plan()
        units = self.ctrl.design.units
        lang = self.ctrl.lang
        roles = role_labels(self.ctrl.design, lang) if plan.members else {}
        self._loading = True
        try:
            self.members.setRowCount(len(plan.members))
            for r, m in enumerate(plan.members):
                home = units[m.home_unit].display_name(lang) if m.home_unit in units \
                    else m.home_unit
                cells = [QTableWidgetItem(m.name), QTableWidgetItem(role_label(m.role, roles)),
                         QTableWidgetItem(home), QTableWidgetItem()]
                cells[COL_ROLE].setData(ID_ROLE, m.role)  # the key; the label is shown
                cells[COL_HOME].setData(ID_ROLE, m.home_unit)
                cells[COL_FTE].setData(Qt.ItemDataRole.EditRole, float(m.fte))
                ded = QTableWidgetItem(self.tr("dedicated") if m.dedicated
                                       else self.tr("concurrent (兼務)"))
                ded.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                             | Qt.ItemFlag.ItemIsSelectable)
                ded.setCheckState(Qt.CheckState.Checked if m.dedicated else
                                  Qt.CheckState.Unchecked)
                for c, item in enumerate(cells + [ded]):
                    self.members.setItem(r, c, item)
                self.members.setCellWidget(r, COL_STAFFING, self._staffing_combo(r, m, lang))
            self.fte_total.setText(self.tr("Total FTE: %1 (dedicated %2)")
                                   .replace("%1", f"{plan.total_fte():g}")
                                   .replace("%2", f"{plan.dedicated_fte():g}"))
            self.services.set_values(plan.services)
            self.hours.set_value(plan.hours.value)
            self.contact.set_value(plan.contact)
            self.mandate.setChecked(plan.mandate)
            self.authority.set_value(plan.authority.value)
            for name, box in self.known.items():
                box.setChecked(name in plan.memberships)
            self.other_memberships.set_value(
                ", ".join(m for m in plan.memberships if m not in KNOWN_MEMBERSHIPS))
        finally:
            self._loading = False

    def _staffing_combo(self, row: int, m: Member, lang: str) -> EnumCombo:
        """増員 / 工数振替 / 外部委託; unset follows 専任/兼務 until the user picks one."""
        combo = EnumCombo(Staffing, lang)
        combo.setObjectName(f"planStaffing{row}")
        combo.set_value(m.staffing_type.value)
        combo.committed.connect(lambda v, r=row: self._staffing_changed(r, v))
        return combo

    def _staffing_changed(self, row: int, value: str) -> None:
        if self._loading:
            return
        plan = self.plan()
        if 0 <= row < len(plan.members):
            plan.members[row].staffing = Staffing(value)
            self._push(plan, self.tr("Edit CSIRT member"))

    # ---- editing ----------------------------------------------------------------------
    def _push(self, plan: CsirtPlan, text: str) -> None:
        if self.ctrl is None:
            return
        if not self.ctrl.push(ops.SetPlan(self.uid, plan), text):
            self.refresh()

    def _edit(self, **changes: object) -> None:
        if self._loading:
            return
        plan = self.plan()
        for k, v in changes.items():
            setattr(plan, k, v)
        self._push(plan, self.tr("Edit CSIRT plan"))

    def add_member(self) -> None:
        plan = self.plan()
        n = len(plan.members) + 1
        plan.members.append(Member(self.tr("Member %1").replace("%1", str(n)), "analyst"))
        self._push(plan, self.tr("Add CSIRT member"))

    def remove_member(self) -> None:
        rows = sorted({i.row() for i in self.members.selectedIndexes()}, reverse=True)
        if not rows and self.members.rowCount():
            rows = [self.members.currentRow()] if self.members.currentRow() >= 0 else []
        if not rows:
            return
        plan = self.plan()
        for r in rows:
            if 0 <= r < len(plan.members):
                del plan.members[r]
        self._push(plan, self.tr("Remove CSIRT member"))

    def _member_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        plan = self.plan()
        r, c = item.row(), item.column()
        if not 0 <= r < len(plan.members):
            return
        m = plan.members[r]
        if c == COL_NAME:
            m.name = item.text()
        elif c == COL_ROLE:
            m.role = item.data(ID_ROLE) or item.text()
        elif c == COL_HOME:
            m.home_unit = item.data(ID_ROLE) or ""
        elif c == COL_FTE:
            try:
                m.fte = float(item.data(Qt.ItemDataRole.EditRole))
            except (TypeError, ValueError):
                self.refresh()
                return
        elif c == COL_DEDICATED:
            m.dedicated = item.checkState() == Qt.CheckState.Checked
        self._push(plan, self.tr("Edit CSIRT member"))

    def _memberships_changed(self) -> None:
        if self._loading:
            return
        chosen = [m for m, box in self.known.items() if box.isChecked()]
        others = [s.strip() for s in self.other_memberships.text().split(",") if s.strip()]
        self._edit(memberships=chosen + [o for o in others if o not in chosen])
